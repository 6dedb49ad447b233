import { and, asc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import {
  effectiveAddress,
  type Server,
  type serverCreateSchema,
  type serverUpdateSchema,
} from '../../src-shared/schemas/orchestration'
import { uniqueViolation } from '../db/errors'
import { servers, sshKeys } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'

type ServerCreate = z.output<typeof serverCreateSchema>
type ServerUpdate = z.output<typeof serverUpdateSchema>

const TRACKED_FIELDS = [
  'name',
  'address',
  'description',
  'os',
  'method',
  'sshPort',
  'sshUser',
  'keyId',
  'hostKeyFingerprint',
] as const satisfies readonly (keyof Server)[]

const selection = {
  server: servers,
  keyLabel: sshKeys.label,
}

function toServer(row: { server: typeof servers.$inferSelect; keyLabel: string | null }): Server {
  const { server } = row
  return {
    ...server,
    address: server.address ?? '',
    method: server.method as Server['method'],
    keyLabel: row.keyLabel,
  }
}

export async function listServers(tx: Tx): Promise<Server[]> {
  const rows = await tx
    .select(selection)
    .from(servers)
    .leftJoin(sshKeys, eq(sshKeys.id, servers.keyId))
    .orderBy(asc(servers.name))
  return rows.map(toServer)
}

export async function getServer(tx: Tx, id: number): Promise<Server> {
  const [row] = await tx
    .select(selection)
    .from(servers)
    .leftJoin(sshKeys, eq(sshKeys.id, servers.keyId))
    .where(eq(servers.id, id))
  if (!row) throw AppError.notFound('Server', id)
  return toServer(row)
}

/** A name or address taken by another server is a field error, whichever check caught it. */
function clash(error: unknown): never {
  const unique = uniqueViolation(error)
  if (unique?.table === 'servers') {
    const field = unique.column === 'address' ? 'address' : 'name'
    throw AppError.validation([
      { field, rule: 'unique', message: 'is already used by another server' },
    ])
  }
  throw error
}

async function assertKeyExists(tx: Tx, keyId: number | null | undefined) {
  if (!keyId) return
  const [key] = await tx.select({ id: sshKeys.id }).from(sshKeys).where(eq(sshKeys.id, keyId))
  if (!key) {
    throw AppError.validation([{ field: 'keyId', rule: 'exists', message: 'is not a known key' }])
  }
}

export async function createServer(ctx: WriteContext, input: ServerCreate): Promise<Server> {
  await assertKeyExists(ctx.tx, input.keyId)
  const row = await ctx.tx
    .insert(servers)
    .values({ ...input, address: input.address || null, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
    .then(([created]) => created!, clash)
  await recordHistory(ctx, {
    objectType: 'server',
    objectId: row.id,
    accountId: null,
    objectRepr: row.name,
    action: 'added',
  })
  return getServer(ctx.tx, row.id)
}

export async function updateServer(ctx: WriteContext, input: ServerUpdate): Promise<Server> {
  const { id, version, ...fields } = input
  const before = await getServer(ctx.tx, id)
  assertVersion('Server', before, version)
  await assertKeyExists(ctx.tx, fields.keyId)

  // A new address is another machine, whose host key must be accepted afresh.
  const moved =
    (fields.address !== undefined || fields.name !== undefined || fields.sshPort !== undefined) &&
    effectiveAddress({ ...before, ...fields }) + (fields.sshPort ?? before.sshPort) !==
      effectiveAddress(before) + before.sshPort
  await ctx.tx
    .update(servers)
    .set({
      ...fields,
      ...(fields.address !== undefined && { address: fields.address || null }),
      ...(moved && { hostKeyFingerprint: null, hostKeyType: null }),
      version: version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(servers.id, id), eq(servers.version, version)))
    .catch(clash)
  const after = await getServer(ctx.tx, id)
  const changes = diffFields(before, after, TRACKED_FIELDS)
  if (changes.length) {
    await recordHistory(ctx, {
      objectType: 'server',
      objectId: id,
      accountId: null,
      objectRepr: after.name,
      action: 'changed',
      changes,
    })
  }
  return after
}

/** Pins the host key the user accepted. */
export async function acceptHostKey(
  ctx: WriteContext,
  id: number,
  key: { fingerprint: string; keyType: string },
): Promise<Server> {
  const before = await getServer(ctx.tx, id)
  await ctx.tx
    .update(servers)
    .set({
      hostKeyFingerprint: key.fingerprint,
      hostKeyType: key.keyType,
      version: before.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(servers.id, id))
  await recordHistory(ctx, {
    objectType: 'server',
    objectId: id,
    accountId: null,
    objectRepr: before.name,
    action: 'changed',
    changes: [
      { field: 'hostKeyFingerprint', from: before.hostKeyFingerprint, to: key.fingerprint },
    ],
    message: 'Host key accepted',
  })
  return getServer(ctx.tx, id)
}

/** Deletes a server with its routes; its logs stay, naming it by the name they copied. */
export async function deleteServer(ctx: WriteContext, id: number): Promise<void> {
  const server = await getServer(ctx.tx, id)
  await ctx.tx.delete(servers).where(eq(servers.id, id))
  await recordHistory(ctx, {
    objectType: 'server',
    objectId: id,
    accountId: null,
    objectRepr: server.name,
    action: 'deleted',
  })
}
