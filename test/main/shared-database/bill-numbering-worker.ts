import { once } from 'node:events'
import { sql } from 'drizzle-orm'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { closeBill } from '../../../src-main/data/bill-closing'
import { openPostgresStore } from '../../../src-main/db/postgres-store'

/**
 * One workstation closing bills, run as its own process by bill-numbering.test.ts. Arguments:
 * the database URL and the ids to close, comma separated. It says "ready" once connected,
 * waits for a line on stdin so both workstations start at the same moment, closes the bills
 * one after another and prints, for each, its number and the server's clock read right after
 * the number was taken (the numbering lock is held until commit, so that clock orders the
 * closings as they committed).
 */
async function main() {
  const [url, list] = process.argv.slice(2)
  const ids = list!.split(',').map(Number)
  const store = await openPostgresStore({ url: url!, maxConnections: 2 })
  process.stdout.write('ready\n')
  await once(process.stdin, 'data')

  const closed: { number: string; at: string }[] = []
  const started = performance.now()
  for (const id of ids) {
    closed.push(
      await store.write(async (tx) => {
        const bill = await closeBill(
          { tx, now: new Date().toISOString(), actor: 'worker', changes: [] },
          id,
          {
            today: '2026-06-15',
          },
        )
        // The data modules' Tx is typed for SQLite; on PostgreSQL it is a PgDatabase.
        const pg = tx as unknown as NodePgDatabase
        const { rows } = await pg.execute(
          sql`select to_char(clock_timestamp(), 'YYYY-MM-DD"T"HH24:MI:SS.US') as at`,
        )
        return { number: bill.number, at: String(rows[0]!.at) }
      }),
    )
  }
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(`${JSON.stringify({ closed, seconds })}\n`)
  await store.close()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
    process.exit(1)
  },
)
