import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../src-main/core/core'
import { SqliteStore } from '../src-main/db/sqlite-store'
import { COUNT_CAP } from '../src-main/data/account-list'
import { benchBillPdf, missingPdfPrerequisite } from './billing-pdf'
import { benchBillingRun } from './billing-run'
import { benchBridgePage } from './bridge-page'
import { benchCoreFirstPage, benchCoreSearch } from './core-search'
import { AccountFloor } from './floor'
import { rerunInPrivateKeychain } from './keychain-session'
import { loadAccounts } from './load'
import { HELP, parseOptions, type BenchOptions } from './options'
import { benchOrchestration, missingPrerequisite } from './orchestration'
import { loadLines, resultTable, verdictLines } from './report'

/** The count cap as the list shows it: 10,000. */
const CAP = COUNT_CAP.toLocaleString('en')
const SERVERS = 20
const ONE_SERVER_CHANGES = 100
const say = (line: string) => process.stdout.write(`${line}\n`)
const progress = (line: string) => process.stderr.write(`${line}\n`)

/**
 * `npm run bench`: one run on throwaway data, so every ratio compares ours and its references
 * on the same machine, data and moment. Exits 1 when a target is missed.
 */
export async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv)
  if (options.help) {
    process.stdout.write(HELP)
    return 0
  }
  if (options.sections.includes('orchestration')) {
    const rerun = rerunInPrivateKeychain(argv)
    if (rerun !== undefined) return rerun
  }
  const started = performance.now()
  let allMet = true
  if (options.sections.includes('search')) allMet = (await searchSection(options)) && allMet
  if (options.sections.includes('orchestration')) {
    allMet = (await orchestrationSection(options)) && allMet
  }
  if (options.sections.includes('pdf')) allMet = (await pdfSection(options)) && allMet
  if (options.sections.includes('billing')) allMet = (await billingSection(options)) && allMet
  say(`Bench wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return allMet ? 0 : 1
}

// Search

async function searchSection(options: BenchOptions): Promise<boolean> {
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
    return verdict.allMet
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// Orchestration

/** Skipped with a reason where it cannot run; that counts as missed only if asked for alone. */
async function orchestrationSection(options: BenchOptions): Promise<boolean> {
  say('')
  const missing = missingPrerequisite()
  if (missing) {
    say(`Orchestration benchmark skipped: ${missing}`)
    return options.sections.length > 1
  }
  const result = await benchOrchestration(
    { servers: SERVERS, rounds: options.pushRounds, oneServerChanges: ONE_SERVER_CHANGES },
    progress,
  )
  result.lines.forEach(say)
  return result.allMet
}

// Invoice PDF

/** Skipped with a reason where wkhtmltopdf is missing, like the orchestration section. */
async function pdfSection(options: BenchOptions): Promise<boolean> {
  say('')
  const missing = missingPdfPrerequisite()
  if (missing) {
    say(`Invoice PDF benchmark skipped: ${missing}`)
    return options.sections.length > 1
  }
  const result = await benchBillPdf({ warmup: 2, rounds: options.pdfRounds }, progress)
  result.lines.forEach(say)
  return result.allMet
}

// Billing run

const BILLING_ORDERS = 10_000

async function billingSection(options: BenchOptions): Promise<boolean> {
  say('')
  const rounds = { warmup: 1, rounds: options.billingRounds }
  const result = await benchBillingRun({ orders: BILLING_ORDERS, ...rounds }, progress)
  result.lines.forEach(say)
  return result.allMet
}
