import type { Tx } from '../db/store'

const byConnection = new WeakMap<Tx, Map<string, unknown>>()

/** Shapes are few in practice; the cap only stops odd requests from piling up statements. */
const MAX_QUERIES = 500

/**
 * A prepared query, built once per connection and query shape, then reused with new values.
 * For a list page, building and preparing the SQL costs more than running it (bench/ shows
 * the gap), so hot read queries keep theirs. `key` must name everything that changes the SQL
 * text; values go in placeholders.
 */
export function prepared<Query>(tx: Tx, key: string, build: () => Query): Query {
  let queries = byConnection.get(tx)
  if (!queries) byConnection.set(tx, (queries = new Map()))
  let query = queries.get(key) as Query | undefined
  if (!query) {
    if (queries.size >= MAX_QUERIES) queries.clear()
    queries.set(key, (query = build()))
  }
  return query
}
