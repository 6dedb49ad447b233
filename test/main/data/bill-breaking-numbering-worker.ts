import { once } from 'node:events'
import { closeBill } from '../../../src-main/data/bill-closing'
import { openSqliteStore } from '../../../src-main/db/sqlite-store'

/**
 * One workstation closing bills on a shared SQLite file, run as its own process by
 * bill-breaking-numbering.test.ts. Arguments: the file and the ids to close, comma separated.
 * It says "ready" once open, waits for a line on stdin so both start at the same moment, and
 * prints each number with the machine's monotonic clock read inside the closing transaction
 * (the write lock is held until commit, so that clock orders the closings as they committed).
 */
async function main() {
  const [file, list] = process.argv.slice(2)
  const ids = list!.split(',').map(Number)
  const store = openSqliteStore(file!)
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
        return { number: bill.number, at: process.hrtime.bigint().toString().padStart(24, '0') }
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
