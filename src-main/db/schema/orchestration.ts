import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { UTC_NOW } from './columns'

/**
 * SSH keys. The private key (and its passphrase) lives in the OS keychain only, under
 * `ssh-key:<fingerprint>`; this table keeps what may be shown.
 */
export const sshKeys = sqliteTable('ssh_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull().unique(),
  type: text('type').notNull(),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull().unique(),
  hasPassphrase: integer('has_passphrase', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(UTC_NOW),
})

export const servers = sqliteTable('servers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** Empty means "the name is the address". */
  address: text('address'),
  description: text('description').notNull().default(''),
  os: text('os').notNull().default('LINUX'),
  /** `ssh`, or `local` for the machine the app runs on. */
  method: text('method').notNull().default('ssh'),
  sshPort: integer('ssh_port').notNull().default(22),
  sshUser: text('ssh_user').notNull().default('root'),
  keyId: integer('key_id').references(() => sshKeys.id, { onDelete: 'set null' }),
  /** The accepted host key, `SHA256:…` as ssh-keygen prints it; null until accepted. */
  hostKeyFingerprint: text('host_key_fingerprint'),
  hostKeyType: text('host_key_type'),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(UTC_NOW),
  updatedAt: text('updated_at').notNull().default(UTC_NOW),
})

export const routes = sqliteTable(
  'routes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    backend: text('backend').notNull(),
    serverId: integer('server_id')
      .notNull()
      .references(() => servers.id, { onDelete: 'cascade' }),
    match: text('match').notNull().default('true'),
    isAsync: integer('is_async', { mode: 'boolean' }).notNull().default(false),
    /** Comma-separated actions that run without blocking even when the route does not. */
    asyncActions: text('async_actions').notNull().default(''),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [uniqueIndex('routes_backend_server_idx').on(table.backend, table.serverId)],
)

/**
 * One script run by one backend on one server. Written (with its operations) in the same
 * transaction as the change that caused it, before anything runs: a crash leaves a record.
 * The server's name and address are copied so that an audit still reads after it is deleted.
 */
export const backendLogs = sqliteTable(
  'backend_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    backend: text('backend').notNull(),
    serverId: integer('server_id').references(() => servers.id, { onDelete: 'set null' }),
    serverName: text('server_name').notNull(),
    serverAddress: text('server_address').notNull(),
    state: text('state').notNull().default('RECEIVED'),
    isAsync: integer('is_async', { mode: 'boolean' }).notNull().default(false),
    /** What ran, with secrets replaced by '***'. */
    script: text('script').notNull(),
    /** Whether the stored script is the one that ran (no secret was taken out of it). */
    retryable: integer('retryable', { mode: 'boolean' }).notNull().default(true),
    stdout: text('stdout').notNull().default(''),
    stderr: text('stderr').notNull().default(''),
    exitCode: integer('exit_code'),
    /** Why the run did not finish normally: the SSH error, the crash, the timeout. */
    error: text('error').notNull().default(''),
    /** The change, retry or orchestration that made it: its logs share this id. */
    runId: text('run_id').notNull(),
    retryOf: integer('retry_of'),
    actor: text('actor').notNull(),
    /** Which process runs it (`host:pid:instance`) and until when its claim holds. */
    claimedBy: text('claimed_by'),
    leaseUntil: text('lease_until'),
    createdAt: text('created_at').notNull(),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('backend_logs_state_idx').on(table.state, table.id),
    index('backend_logs_server_idx').on(table.serverId, table.id),
    index('backend_logs_backend_idx').on(table.backend, table.id),
    index('backend_logs_created_idx').on(table.createdAt),
    index('backend_logs_run_idx').on(table.runId),
  ],
)

/**
 * The operations a log carries; also the changes that matched no route (no log, state
 * NOT_ROUTED), so none is dropped silently. `snapshot` holds the object as it was sent, so a
 * delete can be read (and retried) after the object is gone.
 */
export const backendOperations = sqliteTable(
  'backend_operations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    logId: integer('log_id').references(() => backendLogs.id, { onDelete: 'cascade' }),
    backend: text('backend').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: integer('object_id').notNull(),
    objectRepr: text('object_repr').notNull(),
    state: text('state').notNull().default('PENDING'),
    snapshot: text('snapshot').notNull().default('{}'),
    runId: text('run_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    index('backend_operations_log_idx').on(table.logId),
    index('backend_operations_object_idx').on(table.objectType, table.objectId),
  ],
)
