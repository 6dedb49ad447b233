import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  joinSql,
  mysqlSql,
  pgSql,
  sqlIdentifier,
  type SqlText,
} from '../../../src-main/core/escape'
import { canaries, hostileString } from '../../support/hostile'
import { startMariadb, type MariadbServer } from '../../support/mariadb-server'
import { startPostgres, type PostgresServer } from '../../support/postgres-server'

/**
 * The SQL contexts of escape.ts checked by the servers themselves: each hostile value goes in
 * as a literal through the same clients the backends use, fed on stdin, and must come back
 * byte for byte; each hostile name must work as an identifier. A canary that ran would leave
 * a file behind.
 */

const VALUES = 400
const PREFIX = '/tmp/orchestra-sql-escape-'

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex')

/** MySQL identifiers: 1 to 64 characters of the BMP, not ending in a space. */
const mysqlName = (name: string) =>
  name.length > 0 && name.length <= 64 && !/\s$/.test(name) && !/[\u{10000}-\u{10FFFF}]/u.test(name)
/** PostgreSQL identifiers: up to 63 bytes, or they are cut (with a notice). */
const pgName = (name: string) => name.length > 0 && Buffer.byteLength(name) <= 63

describe('SQL escaping against real servers', () => {
  let maria: MariadbServer
  let postgres: PostgresServer

  beforeAll(async () => {
    ;[maria, postgres] = await Promise.all([startMariadb(), startPostgres()])
  }, 60_000)
  afterAll(async () => {
    postgres.stop()
    await maria.stop()
  })

  function mysqlRun(statements: SqlText[]) {
    const sql = `SET SESSION sql_mode = 'STRICT_ALL_TABLES';\n${joinSql(statements).text}\n`
    return spawnSync(
      'mariadb',
      ['--no-defaults', `--socket=${maria.socket}`, '-uroot', '--batch', '--raw', '-N'],
      { input: sql, encoding: 'utf8' },
    )
  }

  function pgRun(statements: SqlText[]) {
    return spawnSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1'], {
      input: `${joinSql(statements).text}\n`,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        PGPORT: String(postgres.port),
        PGUSER: 'postgres',
        PGDATABASE: 'postgres',
        PGCLIENTENCODING: 'UTF8',
      },
    })
  }

  const values = fc.sample(hostileString(PREFIX), VALUES).concat(canaries(PREFIX))

  it('brings hostile literals back byte for byte from MariaDB', () => {
    const result = mysqlRun(values.map((value) => mysqlSql`SELECT HEX(${value});`))
    expect(result.stderr).toBe('')
    const got = result.stdout.trimEnd().split('\n')
    expect(got).toEqual(values.map((value) => hex(value).toUpperCase()))
  })

  it('brings hostile literals back byte for byte from PostgreSQL', () => {
    const result = pgRun(
      values.map((value) => pgSql`SELECT encode(convert_to(${value}, 'UTF8'), 'hex');`),
    )
    expect(result.stderr).toBe('')
    const got = result.stdout.split('\n').slice(0, values.length)
    expect(got).toEqual(values.map(hex))
  })

  it('uses hostile names as identifiers in both dialects', () => {
    const names = [...values, '`', '"', "'", '\\', '``', '""', 'a`; DROP DATABASE mysql; --']
    const forMysql = names.filter(mysqlName)
    const forPg = names.filter(pgName)
    const mysql = mysqlRun(
      forMysql.map((name) => {
        const alias = sqlIdentifier(name)
        return mysqlSql`SELECT ${alias}.x FROM (SELECT 1 AS x) AS ${alias};`
      }),
    )
    expect(mysql.stderr).toBe('')
    expect(mysql.stdout).toBe('1\n'.repeat(forMysql.length))
    const pg = pgRun(
      forPg.map((name) => {
        const alias = sqlIdentifier(name)
        return pgSql`SELECT ${alias}.x FROM (SELECT 1 AS x) AS ${alias};`
      }),
    )
    expect(pg.stderr).toBe('')
    expect(pg.stdout).toBe('1\n'.repeat(forPg.length))
    expect(forMysql.length).toBeGreaterThan(100)
    expect(forPg.length).toBeGreaterThan(100)
  })

  it('ran none of the canaries', () => {
    const left = Array.from({ length: 15 }, (_, i) => `${PREFIX}pwned${i || ''}`)
    expect(left.filter((file) => existsSync(file))).toEqual([])
  })
})
