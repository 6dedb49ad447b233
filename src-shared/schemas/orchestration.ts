import { z } from 'zod'
import {
  idSchema,
  isHostOrAddress,
  listQueryShape,
  multiLineText,
  requiredText,
  singleLineText,
  versionSchema,
} from './common'

// --- Servers ----------------------------------------------------------------------------------

const addressSchema = singleLineText(256).refine((value) => !value || isHostOrAddress(value), {
  message: 'must be a host name or an IP address',
  params: { rule: 'address' },
})

/** The UNIX user scripts run as on the server. */
const SSH_USER = /^[a-z_][a-z0-9._-]{0,31}$/

export const SERVER_METHODS = ['ssh', 'local'] as const
export type ServerMethod = (typeof SERVER_METHODS)[number]
export const SERVER_OS = ['LINUX'] as const

const serverFields = {
  name: requiredText(256),
  address: addressSchema,
  description: multiLineText(2000),
  os: z.enum(SERVER_OS),
  method: z.enum(SERVER_METHODS),
  sshPort: z.number().int().min(1).max(65535),
  sshUser: z.string().trim().regex(SSH_USER, {
    message: 'must be a UNIX user name (a-z, 0-9, ".", "_", "-"; a letter or _ first)',
  }),
  keyId: idSchema.nullable(),
}

/** Without an address the name must itself be reachable (spec 2.1). */
function nameIsAddressWhenNoAddress(
  value: { name?: string; address?: string },
  ctx: z.RefinementCtx,
) {
  if (value.address || value.name === undefined) return
  if (!isHostOrAddress(value.name)) {
    ctx.addIssue({
      code: 'custom',
      path: ['name'],
      params: { rule: 'address' },
      message: 'must be a host name or an IP address when the address is empty',
    })
  }
}

export const serverCreateSchema = z
  .strictObject({
    ...serverFields,
    address: serverFields.address.default(''),
    description: serverFields.description.default(''),
    os: serverFields.os.default('LINUX'),
    method: serverFields.method.default('ssh'),
    sshPort: serverFields.sshPort.default(22),
    sshUser: serverFields.sshUser.default('root'),
    keyId: serverFields.keyId.default(null),
  })
  .superRefine(nameIsAddressWhenNoAddress)
export type ServerCreateInput = z.input<typeof serverCreateSchema>

export const serverUpdateSchema = z
  .strictObject({ id: idSchema, version: versionSchema, ...z.object(serverFields).partial().shape })
  .superRefine(nameIsAddressWhenNoAddress)
export type ServerUpdateInput = z.input<typeof serverUpdateSchema>

export interface Server {
  id: number
  name: string
  address: string
  description: string
  os: string
  method: ServerMethod
  sshPort: number
  sshUser: string
  keyId: number | null
  keyLabel: string | null
  hostKeyFingerprint: string | null
  hostKeyType: string | null
  version: number
  createdAt: string
  updatedAt: string
}

/** Where a script goes: the address, else the name. */
export function effectiveAddress(server: Pick<Server, 'name' | 'address'>): string {
  return server.address || server.name
}

export interface HostKeyScan {
  serverId: number
  fingerprint: string
  keyType: string
  /** What is stored now, if anything: the two differ when the key changed. */
  accepted: string | null
}

export const hostKeyAcceptSchema = z.strictObject({
  id: idSchema,
  /** The fingerprint the user saw and accepted; refused if the server now shows another. */
  fingerprint: z
    .string()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, { message: 'is not a SHA256 fingerprint' }),
})

export interface ServerCheck {
  serverId: number
  /** The SSH port accepted a connection. */
  reachable: boolean
  /** Time to open a TCP connection to the SSH port; null when it could not be opened. */
  latencyMs: number | null
  uptime?: { text: string; seconds?: number; load?: [number, number, number] }
  /** Why the check stopped short, for the user. */
  error?: string
}

// --- SSH keys ---------------------------------------------------------------------------------

export const keyGenerateSchema = z.strictObject({ label: requiredText(100) })

export const keyImportSchema = z.strictObject({
  label: requiredText(100),
  /** The private key file's text (OpenSSH or PEM). Goes to the keychain, nowhere else. */
  privateKey: z.string().min(1).max(20_000),
  passphrase: z.string().max(1024).default(''),
})

/** What the renderer may know of a key: never the private half. */
export interface SshKey {
  id: number
  label: string
  type: string
  publicKey: string
  fingerprint: string
  hasPassphrase: boolean
  createdAt: string
  /** Servers that use it. */
  serverCount: number
}

export const keyInstallSchema = z.strictObject({
  keyId: idSchema,
  serverId: idSchema,
  /** Used for this one login and forgotten: never stored, never logged. */
  password: z.string().min(1).max(1024),
  /** Also make it the key scripts use on that server. */
  useForServer: z.boolean().default(false),
})

// --- Routes -----------------------------------------------------------------------------------

const routeFields = {
  backend: z.string().trim().min(1).max(256),
  serverId: idSchema,
  match: singleLineText(256),
  isAsync: z.boolean(),
  asyncActions: z.array(z.string().min(1).max(64)).max(20),
  isActive: z.boolean(),
}

export const routeCreateSchema = z.strictObject({
  ...routeFields,
  match: routeFields.match.default(''),
  isAsync: routeFields.isAsync.default(false),
  asyncActions: routeFields.asyncActions.default([]),
  isActive: routeFields.isActive.default(true),
})
export type RouteCreateInput = z.input<typeof routeCreateSchema>

export const routeUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  ...z.object(routeFields).omit({ backend: true }).partial().shape,
})

export interface Route {
  id: number
  backend: string
  backendLabel: string
  /** False when the backend is no longer installed: the route is kept but skipped. */
  available: boolean
  serverId: number
  serverName: string
  match: string
  isAsync: boolean
  asyncActions: string[]
  isActive: boolean
  version: number
}

export interface BackendInfo {
  id: string
  label: string
  description: string
  model: string
  relatedModels: string[]
  actions: string[]
  declaredActions: string[]
  ignoreFields: string[]
  defaultRouteMatch: string
  executable: string
  timeoutMs: number
  matchFields: Record<string, string>
}

// --- Backend logs -----------------------------------------------------------------------------

export const LOG_STATES = [
  'RECEIVED',
  'STARTED',
  'SUCCESS',
  'FAILURE',
  'ERROR',
  'TIMEOUT',
  'ABORTED',
  'REVOKED',
  'NOTHING',
] as const
export type LogState = (typeof LOG_STATES)[number]

export const FINISHED_STATES: readonly LogState[] = LOG_STATES.filter(
  (state) => state !== 'RECEIVED' && state !== 'STARTED',
)
export const SUCCESS_STATES: readonly LogState[] = ['SUCCESS', 'NOTHING']

const isoDate = z.iso.datetime({ offset: true })

export const logListSchema = z.strictObject({
  ...listQueryShape,
  state: z.enum(LOG_STATES).optional(),
  serverId: idSchema.optional(),
  backend: z.string().max(256).optional(),
  objectType: z.string().max(64).optional(),
  objectId: idSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  dir: z.enum(['asc', 'desc']).default('desc'),
})
export type LogListQuery = z.input<typeof logListSchema>

export interface LogOperation {
  id: number
  action: string
  objectType: string
  objectId: number
  objectRepr: string
  state: string
}

export interface LogRow {
  id: number
  backend: string
  serverId: number | null
  serverName: string
  state: LogState
  exitCode: number | null
  isAsync: boolean
  actor: string
  retryOf: number | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** Seconds from start to finish, when both are known. */
  durationSeconds: number | null
  operations: LogOperation[]
}

export interface LogDetail extends LogRow {
  serverAddress: string
  script: string
  stdout: string
  stderr: string
  error: string
  retryable: boolean
  runId: string
}

export const logRetrySchema = z.strictObject({ id: idSchema })

export const logExportSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(10_000),
  /** Where to write the file; the default is the data folder's exports/. */
  file: z.string().max(4096).optional(),
})

// --- Runs ------------------------------------------------------------------------------------

export interface NotRouted {
  backend: string
  action: string
  objectType: string
  objectId: number
  objectRepr: string
}

/** What a change sent to servers: pushed while it runs, returned by orchestration calls. */
export interface RunSummary {
  runId: string
  logs: {
    id: number
    backend: string
    serverName: string
    state: LogState
    isAsync: boolean
    /** What the log carries, e.g. `save ana`. */
    operations: string[]
  }[]
  /** Changes no route took: shown, never dropped silently. */
  notRouted: NotRouted[]
}

export interface PreviewScript {
  backend: string
  serverName: string
  serverAddress: string
  action: string[]
  script: string
}

export const orchestrateSchema = z.strictObject({
  /** Backends to run (ids); all with routes when empty. */
  backends: z.array(z.string().min(1)).default([]),
  /** Servers by name or address; all when empty. */
  servers: z.array(z.string().min(1)).default([]),
  action: z.string().min(1).max(64).default('save'),
  dryRun: z.boolean().default(false),
})
