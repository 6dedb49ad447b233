import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ServiceCreateInput } from '../../../src-shared/schemas/billing-services'
import { cents } from '../../../src-main/billing/money'
import { previewBillingRun } from '../../../src-main/data/billing-run'
import { cleanupMetricRows } from '../../../src-main/data/order-metrics'
import { claimTask, getTaskRun } from '../../../src-main/data/periodic-task-runs'
import { runClaimedTask } from '../../../src-main/core/periodic-tasks'
import { metricRows, orders } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

// Spec billing 4.3 and 4.5: the metric cleanup and "update orders" as the daily tasks run them.

let core: TestCore
const call = caller(() => core)
let clock = new Date('2025-01-01T10:00:00Z')
let joe: number
let kind: number

const at = (day: string) => (clock = new Date(`${day}T10:00:00Z`))

async function addItem(identifier: string, amount: number) {
  const { item } = await call('miscellaneous:create', {
    serviceId: kind,
    accountId: joe,
    identifier,
    amount,
  })
  return item.id
}

async function setAmount(id: number, amount: number) {
  const { item } = await call('miscellaneous:get', { id })
  await call('miscellaneous:update', { id, version: item.version, amount })
}

async function billingService(extra: Partial<ServiceCreateInput> = {}) {
  return call('billingServices:create', {
    description: 'Backup GB',
    contentType: 'miscellaneous',
    metric: 'miscellaneous.amount',
    billingPeriod: 'ANUAL',
    paymentStyle: 'POSTPAY',
    pricingPeriod: '',
    ignorePeriod: '',
    nominalPrice: '12',
    ...extra,
  })
}

const markBilled = (billedOn: string, billedUntil: string) =>
  core.store.write((tx) => tx.update(orders).set({ billedOn, billedUntil, billedMetric: '9.00' }))

/** The lines a run on `day` would write, as text: what must not change. */
async function runLines(day: string) {
  const preview = await core.store.read((tx) =>
    previewBillingRun(tx, { billingPoint: day, today: day }),
  )
  return preview.accounts.flatMap((account) =>
    account.bills.flatMap((bill) =>
      bill.lines.map(
        (line) => `${line.startOn} ${line.endOn} ${line.verboseQuantity} ${cents(line.subtotal)}`,
      ),
    ),
  )
}

beforeEach(async () => {
  at('2025-01-01')
  core = await makeCore({ clock: () => clock })
  await call('settings:update', { name: 'ORDERS_TIME_ZONE', value: 'UTC' })
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  kind = (await call('miscServices:create', { name: 'backup', hasAmount: true })).id
})
afterEach(() => core.dispose())

describe('cleanupMetricRows (spec billing 4.3)', () => {
  /**
   * A postpaid annual disk: 2025 billed in June 2026 up to 1 January 2026. Its 2026 values
   * changed in February and March, over 40 days before the billing, and the next run reads them.
   */
  async function postpaidYear() {
    await billingService()
    const item = await addItem('a', 5)
    at('2025-03-01')
    await setAmount(item, 7)
    at('2025-06-01')
    await setAmount(item, 9)
    at('2026-02-01')
    await setAmount(item, 10)
    at('2026-03-01')
    await setAmount(item, 20)
    await markBilled('2026-06-10', '2026-01-01')
  }

  it("deletes the billed year's rows but the last, and the next run bills the same", async () => {
    await postpaidYear()
    const before = await runLines('2027-01-05')
    expect(before).toEqual([
      '2026-01-01 2026-02-01 9×0.08 9.00',
      '2026-02-01 2026-03-01 10×0.08 10.00',
      '2026-03-01 2027-01-01 20×0.83 200.00',
    ])
    expect(await core.store.write((tx) => cleanupMetricRows(tx))).toEqual({ orders: 1, rows: 2 })
    expect(await countRows(core, metricRows)).toBe(3)
    expect(await runLines('2027-01-05')).toEqual(before)
  })

  it('counts without deleting in a dry run', async () => {
    await postpaidYear()
    const counted = await core.store.read((tx) => cleanupMetricRows(tx, { dryRun: true }))
    expect(counted).toEqual({ orders: 1, rows: 2 })
    expect(await countRows(core, metricRows)).toBe(5)
  })

  it('keeps what undoing an open bill would bill again', async () => {
    await billingService({ billingPeriod: 'MONTHLY', paymentStyle: 'PREPAY' })
    const item = await addItem('a', 5)
    at('2025-02-10')
    await setAmount(item, 8)
    at('2025-03-01')
    await call('billingRuns:create', { billingPoint: '2025-03-01' })
    at('2025-06-15')
    await call('billingRuns:create', { billingPoint: '2025-06-15' })
    // The June run's lines are on the open bill: undoing them bills again from 1 April.
    expect(await core.store.write((tx) => cleanupMetricRows(tx))).toEqual({ orders: 0, rows: 0 })
    expect(await countRows(core, metricRows)).toBe(2)
  })
})

describe('periodic tasks (spec billing 4.5)', () => {
  const owner = 'tester@ws1 session'

  it('update orders creates the orders of periodic services only', async () => {
    await addItem('a', 5)
    await addItem('b', 6)
    await billingService({ periodicUpdate: true })
    await billingService({ description: 'Backup fee', metric: '' })
    const run = await runClaimedTask(core, 'update-orders', { owner, now: clock })
    expect(run).toEqual({
      state: 'done',
      report: {
        task: 'update-orders',
        update: { services: 1, created: 2, updated: 0, cancelled: 0, errors: 0, failed: [] },
      },
    })
    const rows = (await call('orders:list', { ignored: 'all' })).rows
    expect(rows.map((row) => row.contentObjectRepr).sort()).toEqual(['a', 'b'])
  })

  it('records the run and skips it while it is recent', async () => {
    const first = await runClaimedTask(core, 'metrics-cleanup', { owner, now: clock })
    expect(first.state).toBe('done')
    const record = await core.store.read((tx) => getTaskRun(tx, 'metrics-cleanup'))
    expect(record).toMatchObject({
      lastRunAt: '2025-01-01T10:00:00.000Z',
      lastOutcome: 'deleted 0 metric rows of 0 orders',
      claimedBy: null,
    })
    const later = new Date('2025-01-01T20:00:00Z')
    const notRunSince = new Date('2024-12-31T20:00:00Z')
    expect(
      await runClaimedTask(core, 'metrics-cleanup', { owner, now: later, notRunSince }),
    ).toEqual({ state: 'skipped', heldBy: null })
  })

  it('skips a task another workstation holds until its claim lapses', async () => {
    await core.store.write((tx) =>
      claimTask(tx, {
        task: 'update-orders',
        owner: 'clerk@ws2 a1',
        now: '2025-01-01T09:00:00.000Z',
        until: '2025-01-01T15:00:00.000Z',
      }),
    )
    const held = await runClaimedTask(core, 'update-orders', { owner, now: clock })
    expect(held).toEqual({ state: 'skipped', heldBy: 'clerk@ws2 a1' })
    const lapsed = new Date('2025-01-01T15:00:00Z')
    expect((await runClaimedTask(core, 'update-orders', { owner, now: lapsed })).state).toBe('done')
  })
})
