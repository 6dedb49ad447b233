import { z } from 'zod'
import type { DatabaseKind } from './app'
import { isHostOrAddress, singleLineText } from './common'

/**
 * Choosing the database: a SQLite file on this workstation (the default) or a team's
 * PostgreSQL server. A password travels from the form to main once; it never comes back.
 */

/**
 * How the connection to PostgreSQL is protected, as libpq names it: `verify-full` encrypts
 * and checks that the server's certificate names the host; `require` encrypts without
 * checking who answers; `disable` sends everything in clear (a trusted local network only).
 */
export const TLS_MODES = ['verify-full', 'require', 'disable'] as const
export type TlsMode = (typeof TLS_MODES)[number]

export const postgresConnectionSchema = z.strictObject({
  kind: z.literal('postgres'),
  host: singleLineText(253)
    .min(1)
    .refine(isHostOrAddress, {
      message: 'must be a host name or an IP address',
      params: { rule: 'address' },
    }),
  port: z.number().int().min(1).max(65535).default(5432),
  database: singleLineText(63).min(1),
  user: singleLineText(63).min(1),
  /** Absent: use the one in the keychain, if any. */
  password: z.string().max(1000).optional(),
  tls: z.enum(TLS_MODES).default('verify-full'),
  /** A CA certificate file (PEM) to check the server's certificate with, for a private CA. */
  caFile: singleLineText(4096).optional(),
  /** Keep the password in the OS keychain for the next start. */
  rememberPassword: z.boolean().default(true),
})

export const sqliteConnectionSchema = z.strictObject({
  kind: z.literal('sqlite'),
  /** A SQLite file; created if it does not exist. Empty: the default file in the data folder. */
  file: singleLineText(4096).default(''),
})

export const databaseConnectionSchema = z.discriminatedUnion('kind', [
  sqliteConnectionSchema,
  postgresConnectionSchema,
])
export type DatabaseConnection = z.input<typeof databaseConnectionSchema>

export const databaseCopySchema = z.strictObject({ to: databaseConnectionSchema })

/** Where the open database's choice came from, strongest first. */
export type DatabaseSource = 'flag' | 'environment' | 'saved' | 'default'

export interface DatabaseStatus {
  kind: DatabaseKind
  /** A file path, or a URL without a password. */
  location: string
  source: DatabaseSource
  /** The flag or the environment fixed the database; a choice saved here would be ignored. */
  locked: boolean
  keychain: { available: boolean; reason?: string }
}

export interface DatabaseCheck {
  kind: DatabaseKind
  location: string
  /** The server's own description, e.g. `PostgreSQL 15.19`, or SQLite's version. */
  server: string
  /** Whether it holds nothing yet (a copy target must be empty). */
  empty: boolean
}

export interface CopyProgressEvent {
  phase: 'copy' | 'verify'
  table: string
  done: number
  rows: number
  overallDone: number
  overallTotal: number
}

export interface CopyResult {
  tables: { table: string; rows: number }[]
  rows: number
  to: string
}
