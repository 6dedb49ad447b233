import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../src-main/core/core'
import { SqliteStore } from '../src-main/db/sqlite-store'
import { COUNT_CAP } from '../src-main/data/account-list'
import { benchBridgePage } from './bridge-page'
import { benchCoreFirstPage, benchCoreSearch } from './core-search'
import { AccountFloor } from './floor'
import { loadAccounts } from './load'
import { HELP, parseOptions } from './options'
import { loadLines, resultTable, verdictLines } from './report'

/** The count cap as the list shows it: 10,000. */
const CAP = COUNT_CAP.toLocaleString('en')
const say = (line: string) => process.stdout.write(`${line}\n`)
const progress = (line: string) => process.stderr.write(`${line}\n`)

/**
 * `npm run bench`: one run on a throwaway data folder, so every ratio compares ours and the
 * floor on the same machine, data and moment. Exits 1 when a target is missed.
 */
export async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv)
  if (options.help) {
    process.stdout.write(HELP)
    return 0
  }
  const started = performance.now()
  const dataDir = mkdtempSync(join(tmpdir(), 'orchestra-bench-'))
  // The benchmark measures the embedded default against raw better-sqlite3 queries.
  const core = await openCore({
    dataDir,
    database: join(dataDir, 'bench.sqlite'),
    quietLogs: true,
    operator: 'bench@localhost',
  })
  const store = core.store
  if (!(store instanceof SqliteStore)) throw new Error('The benchmark needs a SQLite database')

  try {
    progress(`Loading ${options.accounts} accounts into ${dataDir}`)
    const load = loadAccounts(store, options.accounts)
    loadLines(load).forEach(say)

    const floor = new AccountFloor(store.sqlite)
    const rounds = { warmup: options.warmup, rounds: options.rounds }
    progress(`Timing core search (${rounds.rounds} rounds after ${rounds.warmup} warm-up)`)
    const search = await benchCoreSearch(core, floor, rounds)
    progress('Timing the first page, in the core and through the bridge')
    const firstPage = await benchCoreFirstPage(core, floor, rounds)
    const bridge = await benchBridgePage(core, floor, rounds)

    const rows = [...search, firstPage, ...bridge]
    say('')
    resultTable(rows).forEach(say)
    say('')
    say('Times in ms. Floor: the same rows through a hand-written prepared better-sqlite3 query.')
    say('Ratio: our median over the floor median, measured alternately in this run.')
    say(
      `Totals: a search counts its matches up to ${CAP}, then reports "${CAP}+" ` +
        '(a lower bound), on both sides; a list without search words is counted exactly.',
    )
    const verdict = verdictLines(rows)
    verdict.lines.forEach(say)
    say(`Bench wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return verdict.allMet ? 0 : 1
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
