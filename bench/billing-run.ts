import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { openCore } from '../src-main/core/core'
import {
  commitBillingRun,
  previewBillingRun,
  type BillingRunRequest,
} from '../src-main/data/billing-run'
import { SqliteStore } from '../src-main/db/sqlite-store'
import { bulkLoad } from '../src-main/dev/generator'
import { summarise, type Summary } from './measure'

/** The target: a whole billing run within five times the raw inserts of its lines. */
export const BILLING_MAX_RATIO = 5

export interface BillingBenchOptions {
  orders: number
  warmup: number
  rounds: number
}

/** Each account holds three mailboxes, a domain and a membership fee: five orders. */
const ORDERS_PER_ACCOUNT = 5
const RUN: BillingRunRequest = { billingPoint: '2026-01-05', today: '2026-01-05' }
const RUN_AT = '2026-01-05T09:00:00.000Z'

// Seeding, untimed

function seedServices(sqlite: Database.Database) {
  const insert = sqlite.prepare(`insert into services (description, content_type, nominal_price,
    tax, billing_period, billing_point, is_fee, ignore_period) values (?, ?, ?, ?, ?, ?, ?, '')`)
  const id = (...values: unknown[]) => Number(insert.run(...values).lastInsertRowid)
  return {
    mailbox: id('Mailbox', 'mailbox', '12.00', '21', 'ANUAL', 'ON_FIXED_DATE', 0),
    domain: id('Domain .org', 'domain', '15.00', '21', 'ANUAL', 'ON_REGISTER', 0),
    fee: id('Membership fee', 'contractedPlan', '5.00', '0', 'MONTHLY', 'ON_FIXED_DATE', 1),
  }
}

/** Orders registered over 2025, so every line has its own pro-rata size. */
function seedOrders(sqlite: Database.Database, accounts: number) {
  const services = seedServices(sqlite)
  const insert = sqlite.prepare(`insert into orders (account_id, service_id, content_type,
    object_id, registered_on, description) values (?, ?, ?, ?, ?, ?)`)
  const ids = sqlite.prepare('select id from accounts order by id').pluck().all() as number[]
  sqlite.transaction(() => {
    ids.slice(0, accounts).forEach((accountId, i) => {
      const day = new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10)
      for (let box = 0; box < 3; box++) {
        insert.run(accountId, services.mailbox, 'mailbox', i * 3 + box, day, `Mailbox ${box}`)
      }
      insert.run(accountId, services.domain, 'domain', i, day, `Domain d${i}.org`)
      insert.run(accountId, services.fee, 'contractedPlan', i, day, 'Membership')
    })
  })()
}

/** Back to before the run: no bills, no numbers taken, no order billed. */
function reset(sqlite: Database.Database) {
  sqlite.exec(`delete from bill_sublines; delete from bill_lines; delete from bills;
    delete from bill_sequences;
    update orders set billed_on = null, billed_until = null, billed_metric = null;`)
}

// The floor: the same bills and lines, inserted by prepared statements in one transaction

type Row = Record<string, unknown>

interface RunRows {
  bills: Row[]
  lines: Row[]
  sublines: Row[]
}

function snapshot(sqlite: Database.Database): RunRows {
  const all = (table: string) => sqlite.prepare(`select * from ${table} order by id`).all() as Row[]
  return { bills: all('bills'), lines: all('bill_lines'), sublines: all('bill_sublines') }
}

function insertStatement(sqlite: Database.Database, table: string, sample: Row) {
  const columns = Object.keys(sample)
  const sql = `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?')})`
  const statement = sqlite.prepare(sql)
  return (row: Row) => statement.run(...columns.map((column) => row[column]))
}

function floorInserts(sqlite: Database.Database, rows: RunRows): () => void {
  const bill = insertStatement(sqlite, 'bills', rows.bills[0]!)
  const line = insertStatement(sqlite, 'bill_lines', rows.lines[0]!)
  const subline = rows.sublines[0] && insertStatement(sqlite, 'bill_sublines', rows.sublines[0])
  return sqlite.transaction(() => {
    for (const row of rows.bills) bill(row)
    for (const row of rows.lines) line(row)
    if (subline) for (const row of rows.sublines) subline(row)
  })
}

// The measurement

export interface BillingBenchResult {
  lines: string[]
  allMet: boolean
}

const ms = (value: number) => value.toFixed(1).padStart(9)

/**
 * A billing run over `orders` orders (read, priced, placed on bills, written with the order
 * updates, in one transaction) beside inserting the very bills and lines it wrote with
 * prepared better-sqlite3 statements. Each round starts from unbilled orders; which side goes
 * first alternates, so the page cache and the collector weigh on both.
 */
export async function benchBillingRun(
  options: BillingBenchOptions,
  progress: (line: string) => void,
): Promise<BillingBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orchestra-bench-billing-'))
  const core = await openCore({
    dataDir,
    database: join(dataDir, 'bench.sqlite'),
    quietLogs: true,
    operator: 'bench@localhost',
  })
  try {
    const store = core.store
    if (!(store instanceof SqliteStore)) throw new Error('The benchmark needs a SQLite database')
    const sqlite = store.sqlite
    const accounts = Math.ceil(options.orders / ORDERS_PER_ACCOUNT)
    progress(`Loading ${accounts} accounts with ${accounts * ORDERS_PER_ACCOUNT} orders`)
    bulkLoad(store, accounts, 1)
    seedOrders(sqlite, accounts)

    let written = { bills: 0, lines: 0, orders: 0 }
    const ours = async () => {
      const run = await store.write((tx) =>
        commitBillingRun({ tx, now: RUN_AT, actor: 'bench@localhost', changes: [] }, RUN),
      )
      const w = run.written!
      written = { bills: w.bills.length, lines: w.lines, orders: w.ordersUpdated }
    }
    await ours()
    const rows = snapshot(sqlite)
    const floor = floorInserts(sqlite, rows)

    const preview = () => store.read((tx) => previewBillingRun(tx, RUN))
    const samples = { ours: [] as number[], floor: [] as number[], preview: [] as number[] }
    progress(`Timing the billing run (${options.rounds} rounds after ${options.warmup} warm-up)`)
    for (let round = 0; round < options.warmup + options.rounds; round++) {
      const sides = round % 2 === 0 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const)
      for (const side of sides) {
        reset(sqlite)
        const start = performance.now()
        if (side === 'ours') await ours()
        else floor()
        const elapsed = performance.now() - start
        if (round >= options.warmup) samples[side].push(elapsed)
      }
      // The same run previewed: what pricing costs without the writes.
      reset(sqlite)
      const start = performance.now()
      await preview()
      if (round >= options.warmup) samples.preview.push(performance.now() - start)
    }
    const sides = {
      ours: summarise(samples.ours),
      preview: summarise(samples.preview),
      floor: summarise(samples.floor),
    }
    return report(written, sides)
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function report(
  written: { bills: number; lines: number; orders: number },
  { ours, preview, floor }: { ours: Summary; preview: Summary; floor: Summary },
): BillingBenchResult {
  const ratio = ours.p50 / floor.p50
  const met = ratio <= BILLING_MAX_RATIO
  return {
    lines: [
      `Billing run: ${written.orders} orders billed into ${written.lines} lines on ` +
        `${written.bills} bills (SQLite)`,
      `${'Side'.padEnd(44)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}`,
      `${'ours: read, price, assemble, write, update'.padEnd(44)}` +
        `${ms(ours.p50)}${ms(ours.p95)}${ms(ours.p99)}`,
      `${'  of which preview: read, price, assemble'.padEnd(44)}` +
        `${ms(preview.p50)}${ms(preview.p95)}${ms(preview.p99)}`,
      `${'floor: prepared inserts of the same rows'.padEnd(44)}` +
        `${ms(floor.p50)}${ms(floor.p95)}${ms(floor.p99)}`,
      `Times in ms over ${ours.samples} rounds each. Ratio ${ratio.toFixed(2)}× the floor ` +
        `(target ≤ ${BILLING_MAX_RATIO}×): ${met ? 'met' : 'MISSED'}`,
    ],
    allMet: met,
  }
}
