import { isAbsolute, join, resolve } from 'node:path'
import { AppError } from '../../src-shared/errors'

/**
 * Which database to open: a SQLite file (the default, in the data folder) or a PostgreSQL
 * server. Chosen by the flag `--database`, else `ORCHESTRA_DATABASE_URL`, else the choice saved
 * in the interface; each is either a `postgres://` URL or a SQLite file path.
 */
export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres'
      /** The connection URL, with its password removed when one was given. */
      url: string
      /** A password that came inside the URL (or from the keychain); never written anywhere. */
      password?: string
    }

const POSTGRES_URL = /^postgres(ql)?:\/\//i

export function parseDatabaseTarget(value: string): DatabaseTarget {
  const trimmed = value.trim()
  if (!trimmed) {
    throw AppError.validation([
      { field: 'database', rule: 'required', message: 'Name a SQLite file or a postgres:// URL' },
    ])
  }
  if (!POSTGRES_URL.test(trimmed)) {
    const inMemory = trimmed === ':memory:'
    return { kind: 'sqlite', file: inMemory || isAbsolute(trimmed) ? trimmed : resolve(trimmed) }
  }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw AppError.validation([
      { field: 'database', rule: 'url', message: `"${redactUrl(trimmed)}" is not a valid URL` },
    ])
  }
  if (!url.hostname && !url.searchParams.get('host')) {
    throw AppError.validation([
      { field: 'database', rule: 'host', message: 'A PostgreSQL URL needs a host' },
    ])
  }
  if (url.pathname.length <= 1) {
    throw AppError.validation([
      { field: 'database', rule: 'database', message: 'A PostgreSQL URL needs a database name' },
    ])
  }
  const password = url.password ? decodeURIComponent(url.password) : undefined
  url.password = ''
  return { kind: 'postgres', url: url.toString(), ...(password && { password }) }
}

export function defaultDatabaseFile(dataDir: string): string {
  return join(dataDir, 'orchestra.sqlite')
}

/** What to show for a target: the path, or the URL with no password in it. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite' ? target.file : redactUrl(target.url)
}

/** A URL fit for a log or a screen: any password replaced. */
export function redactUrl(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@')
}
