import { randomBytes } from 'node:crypto'
import { test } from '@playwright/test'
import pg from 'pg'
import { startPostgres, TLS_ONLY_ROLE, type PostgresServer } from '../support/postgres-server'
import { startPrivateKeychain, type PrivateKeychain } from './private-keychain'

/** A login role and an empty database it owns, as README's "Shared database" sets them up. */
export interface TeamDatabase {
  host: string
  port: number
  database: string
  user: string
  password: string
  caFile: string
}

/**
 * A throwaway PostgreSQL server (TLS, its own CA) and the private keychain, for every test of
 * a spec: call at the top of the spec. The keychain's variables reach the bridge the fixture
 * starts, so a remembered password goes there and not to the developer's own keychain.
 */
export function usePostgresAndKeychain() {
  let server: PostgresServer | undefined
  let keychain: PrivateKeychain | undefined
  let savedEnv: Partial<Record<string, string>> = {}

  test.beforeAll(async () => {
    server = await startPostgres()
    keychain = startPrivateKeychain()
    savedEnv = Object.fromEntries(
      Object.keys(keychain.env).map((name) => [name, process.env[name]]),
    )
    Object.assign(process.env, keychain.env)
  })

  test.afterAll(() => {
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    keychain?.stop()
    server?.stop()
  })

  return () => {
    if (!server) throw new Error('The PostgreSQL server starts in beforeAll')
    return server
  }
}

/** A new role that must give its password over TLS, and an empty database it owns. */
export async function createTeamDatabase(server: PostgresServer): Promise<TeamDatabase> {
  const suffix = randomBytes(4).toString('hex')
  const user = `orchestra_${suffix}`
  const database = `team_${suffix}`
  const password = `pw-${randomBytes(8).toString('hex')}`
  const client = new pg.Client({ connectionString: server.url })
  await client.connect()
  try {
    const role = client.escapeIdentifier(user)
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${client.escapeLiteral(password)}`)
    await client.query(`DO $$ BEGIN CREATE ROLE ${TLS_ONLY_ROLE} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`)
    await client.query(`GRANT ${TLS_ONLY_ROLE} TO ${role}`)
    await client.query(`CREATE DATABASE ${database} OWNER ${role}`)
  } finally {
    await client.end()
  }
  return { host: '127.0.0.1', port: server.port, database, user, password, caFile: server.caFile }
}
