import { asc, count, eq } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { SshKey } from '../../src-shared/schemas/orchestration'
import { uniqueViolation } from '../db/errors'
import { servers, sshKeys } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { recordHistory } from './history'

/** Only the public half and its fingerprint are stored; the private key is in the keychain. */
export interface KeyRecordInput {
  label: string
  type: string
  publicKey: string
  fingerprint: string
  hasPassphrase: boolean
}

export async function listKeys(tx: Tx): Promise<SshKey[]> {
  const rows = await tx
    .select({ key: sshKeys, serverCount: count(servers.id) })
    .from(sshKeys)
    .leftJoin(servers, eq(servers.keyId, sshKeys.id))
    .groupBy(sshKeys.id)
    .orderBy(asc(sshKeys.label))
  return rows.map(({ key, serverCount }) => ({ ...key, serverCount }))
}

export async function getKey(tx: Tx, id: number): Promise<SshKey> {
  const key = (await listKeys(tx)).find((row) => row.id === id)
  if (!key) throw AppError.notFound('SSH key', id)
  return key
}

export async function insertKey(ctx: WriteContext, input: KeyRecordInput): Promise<SshKey> {
  const [row] = await ctx.tx
    .insert(sshKeys)
    .values({ ...input, createdAt: ctx.now })
    .returning()
    .catch((error: unknown) => {
      const unique = uniqueViolation(error)
      if (unique?.table !== 'ssh_keys') throw error
      const field = unique.column === 'fingerprint' ? 'privateKey' : 'label'
      const message =
        field === 'label' ? 'is already the name of another key' : 'is already imported'
      throw AppError.validation([{ field, rule: 'unique', message }])
    })
  await recordHistory(ctx, {
    objectType: 'sshKey',
    objectId: row!.id,
    accountId: null,
    objectRepr: `${row!.label} (${row!.fingerprint})`,
    action: 'added',
  })
  return getKey(ctx.tx, row!.id)
}

/** Deletes a key that no server uses any more; returns it so the keychain entry goes too. */
export async function deleteKey(ctx: WriteContext, id: number): Promise<SshKey> {
  const key = await getKey(ctx.tx, id)
  if (key.serverCount) {
    throw new AppError({
      code: 'FORBIDDEN',
      message:
        `Key ${key.label} is used by ${key.serverCount} server(s): ` +
        'choose another key for them first',
    })
  }
  await ctx.tx.delete(sshKeys).where(eq(sshKeys.id, id))
  await recordHistory(ctx, {
    objectType: 'sshKey',
    objectId: id,
    accountId: null,
    objectRepr: `${key.label} (${key.fingerprint})`,
    action: 'deleted',
  })
  return key
}
