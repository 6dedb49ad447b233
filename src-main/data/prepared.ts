import { createHash } from 'node:crypto'
import { isPostgres, type Tx } from '../db/store'

/** A query with placeholders, run with values; the same on both dialects. */
export interface Prepared<Row> {
  all(params: Record<string, unknown>): Promise<Row[]>
  get(params: Record<string, unknown>): Promise<Row | undefined>
}

/** What the builders of both dialects offer: SQLite's prepare() and PostgreSQL's prepare(name). */
interface Preparable<Row> {
  prepare(name?: string): unknown
  _: { result: Row[] } | unknown
}

type RowOf<Q> = Q extends { _: { result: (infer Row)[] } } ? Row : never

interface SqlitePrepared<Row> {
  all(params: Record<string, unknown>): Row[] | Promise<Row[]>
  get(params: Record<string, unknown>): Row | undefined | Promise<Row | undefined>
}

interface PostgresPrepared<Row> {
  execute(params: Record<string, unknown>): Promise<Row[]>
}

const byConnection = new WeakMap<Tx, Map<string, SqlitePrepared<unknown>>>()

/** Shapes are few in practice; the cap only stops odd requests from piling up statements. */
const MAX_QUERIES = 500

/**
 * A query built once per query shape and reused with new values. `key` must name everything
 * that changes the SQL text; values go in placeholders.
 *
 * On SQLite, building and preparing the SQL of a list page costs more than running it
 * (bench/ shows the gap), so the prepared statement is kept per connection. On PostgreSQL a
 * unit of work borrows any pooled connection, so the query is built each time and sent as a
 * named statement, which each server connection parses once.
 */
export function prepared<Query extends Preparable<unknown>>(
  tx: Tx,
  key: string,
  build: () => Query,
): Prepared<RowOf<Query>> {
  type Row = RowOf<Query>
  if (isPostgres(tx)) {
    const name = `q_${createHash('sha1').update(key).digest('hex').slice(0, 16)}`
    const run = (params: Record<string, unknown>) =>
      (build().prepare(name) as PostgresPrepared<Row>).execute(params)
    return { all: run, get: async (params) => (await run(params))[0] }
  }

  let queries = byConnection.get(tx)
  if (!queries) byConnection.set(tx, (queries = new Map()))
  let query = queries.get(key) as SqlitePrepared<Row> | undefined
  if (!query) {
    if (queries.size >= MAX_QUERIES) queries.clear()
    query = build().prepare() as SqlitePrepared<Row>
    queries.set(key, query as SqlitePrepared<unknown>)
  }
  const statement = query
  return {
    all: async (params) => statement.all(params),
    get: async (params) => statement.get(params),
  }
}
