import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { TLS_ONLY_ROLE } from './postgres-server'

/**
 * Which dialect the core tests run on: SQLite by default, PostgreSQL in the `postgres`
 * project (vitest.config.mts), which starts a throwaway server for the run.
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' =
  process.env.ORCHESTRA_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'

export interface TestDatabase {
  url: string
  name: string
  drop(): Promise<void>
}

/** The throwaway server's admin URL, pointed at another database. */
export function postgresUrl(database = 'postgres'): string {
  const url = new URL(inject('postgresUrl'))
  url.pathname = `/${database}`
  return url.toString()
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** The throwaway server's CA certificate, for connections that check who answers. */
export function postgresCaFile(): string {
  return inject('postgresCaFile')
}

/**
 * A new, empty database on the throwaway server, for one test; owned by `owner` when given
 * (a role made with `createPostgresRole`), as a team's database would be.
 */
export async function createPostgresDatabase(owner?: string): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`
  await admin((client) =>
    client.query(
      `CREATE DATABASE ${name}${owner ? ` OWNER ${client.escapeIdentifier(owner)}` : ''}`,
    ),
  )
  return {
    url: postgresUrl(name),
    name,
    async drop() {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

/**
 * A login role that must give its password (the server trusts only its superuser). With
 * `tlsOnly`, the server refuses it any connection that is not encrypted.
 */
export async function createPostgresRole(
  prefix: string,
  password: string,
  { tlsOnly = false } = {},
): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  await admin(async (client) => {
    const role = client.escapeIdentifier(name)
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(password)}`)
    if (!tlsOnly) return
    // Test files run in parallel: whichever comes first creates the group.
    await client.query(`DO $$ BEGIN CREATE ROLE ${TLS_ONLY_ROLE} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`)
    await client.query(`GRANT ${TLS_ONLY_ROLE} TO ${role}`)
  })
  return name
}
