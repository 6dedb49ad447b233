import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import type { SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { ChangeEvent } from '../data/context'
import { openSqliteStore } from './sqlite-store'
import type { Store, Tx } from './store'

export function readOnlyRefusal(): AppError {
  return new AppError({
    code: 'FORBIDDEN',
    message: 'This database is open read-only, for audit: nothing can be changed',
  })
}

/**
 * An auditor's view: every read works, every write is refused before it starts. Nothing of
 * the audited database changes, not even its schema.
 */
export class ReadOnlyStore implements Store {
  readonly readOnly = true

  constructor(
    private readonly inner: Store,
    private readonly cleanup: () => void = () => undefined,
    private readonly shownLocation = inner.location,
  ) {}

  get kind() {
    return this.inner.kind
  }

  get location() {
    return this.shownLocation
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inner.read(work)
  }

  write<T>(): Promise<T> {
    return Promise.reject(readOnlyRefusal())
  }

  execute<Row>(query: SQL): Promise<Row[]> {
    return this.inner.execute<Row>(query)
  }

  onForeignChanges(listener: (changes: ChangeEvent[]) => void): () => void {
    return this.inner.onForeignChanges(listener)
  }

  async close(): Promise<void> {
    await this.inner.close()
    this.cleanup()
  }
}

/**
 * Opens a SQLite file for audit: a private copy is made (through SQLite's backup, so a file
 * another process is writing is copied consistently) and brought to this version's schema;
 * the file itself is never opened for writing.
 */
export async function openSqliteForAudit(file: string): Promise<ReadOnlyStore> {
  if (!existsSync(file)) {
    throw new AppError({ code: 'NOT_FOUND', message: `There is no database file ${file}` })
  }
  const dir = mkdtempSync(join(tmpdir(), 'orchestra-audit-'))
  const copy = join(dir, basename(file))
  const source = new Database(file, { readonly: true, fileMustExist: true })
  try {
    await source.backup(copy)
  } catch {
    copyFileSync(file, copy)
  } finally {
    source.close()
  }
  const store = openSqliteStore(copy)
  return new ReadOnlyStore(store, () => rmSync(dir, { recursive: true, force: true }), file)
}
