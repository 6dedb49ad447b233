import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cents, sum } from '../../../src-main/billing/money'
import { previewBillingRun, type RunPreview } from '../../../src-main/data/billing-run'
import { readRelatedOrders } from '../../../src-main/data/billing-run-related'
import { orders, plans, rates } from '../../../src-main/db/schema'
import type { Tx } from '../../../src-main/db/store'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, seedService, type ServiceSeed } from './bill-fixtures'

// Spec 4.4: the orders offered with a selection, and what taking them does to its prices.

let core: TestCore
let ana: number
let bea: number

beforeEach(async () => {
  core = await makeCore()
  ana = await addAccount(core, 'ana')
  bea = await addAccount(core, 'bea')
})
afterEach(() => core.dispose())

type OrderSeed = Partial<typeof orders.$inferInsert> & { registeredOn: string }

/** Concurrent orders (spec 6.6): each alive order holds one rate position. */
const addService = (tx: Tx, seed: ServiceSeed) => seedService(tx, { pricingPeriod: '', ...seed })

let objectId = 0

async function addOrder(tx: Tx, accountId: number, serviceId: number, seed: OrderSeed) {
  const [row] = await tx
    .insert(orders)
    .values({
      accountId,
      serviceId,
      contentType: 'mailbox',
      objectId: ++objectId,
      description: `Mailbox ${objectId}`,
      ...seed,
    })
    .returning()
  return row!.id
}

/** Ana's mailboxes, the first two free (a default plan), and orders that are not related. */
async function seedMailboxes() {
  return core.store.write(async (tx) => {
    const mailbox = await addService(tx, { description: 'Mailbox' })
    const [plan] = await tx.insert(plans).values({ name: 'basic', isDefault: true }).returning()
    await tx.insert(rates).values([
      { serviceId: mailbox, planId: plan!.id, quantity: 1, price: '0.00' },
      { serviceId: mailbox, planId: plan!.id, quantity: 3, price: '12.00' },
    ])
    const hosting = await addService(tx, { description: 'Hosting', nominalPrice: '60.00' })
    const disk = await addService(tx, { description: 'Disk', metric: 'mailbox.size' })
    await tx.insert(rates).values({ serviceId: disk, planId: plan!.id, quantity: 1, price: '0' })

    const billedYear = { billedOn: '2026-01-01', billedUntil: '2027-01-01' }
    return {
      paidUp: await addOrder(tx, ana, mailbox, { registeredOn: '2025-01-01', ...billedYear }),
      lastYear: await addOrder(tx, ana, mailbox, {
        registeredOn: '2025-01-01',
        billedOn: '2025-01-01',
        billedUntil: '2026-01-01',
      }),
      first: await addOrder(tx, ana, mailbox, { registeredOn: '2026-01-01' }),
      selected: await addOrder(tx, ana, mailbox, { registeredOn: '2026-01-01' }),
      third: await addOrder(tx, ana, mailbox, { registeredOn: '2026-01-03' }),
      gone: await addOrder(tx, ana, mailbox, {
        registeredOn: '2025-06-01',
        cancelledOn: '2025-12-31',
      }),
      trial: await addOrder(tx, ana, mailbox, { registeredOn: '2026-01-02', ignore: true }),
      later: await addOrder(tx, ana, mailbox, { registeredOn: '2026-02-01' }),
      hosting: await addOrder(tx, ana, hosting, { registeredOn: '2026-01-01' }),
      disk: await addOrder(tx, ana, disk, { registeredOn: '2026-01-01' }),
      beas: await addOrder(tx, bea, mailbox, { registeredOn: '2026-01-01' }),
    }
  })
}

const RUN = { billingPoint: '2026-01-05', today: '2026-01-05' }

const related = (request: { orderIds?: number[]; includeIgnored?: boolean }) =>
  core.store.read((tx) => readRelatedOrders(tx, { ...RUN, ...request }))

/** Per line: the order, its subtotal and its total after the plan discount. */
function pricedLines(preview: RunPreview) {
  return preview.accounts.flatMap((account) =>
    account.bills.flatMap((bill) =>
      bill.lines.map((line) => [
        account.username,
        line.orderId,
        cents(line.subtotal),
        cents(line.subtotal.plus(sum(line.sublines.map((subline) => subline.total)))),
      ]),
    ),
  )
}

describe('readRelatedOrders (spec 4.4)', () => {
  it('offers the pending mailboxes of the same account, by registration', async () => {
    const seeded = await seedMailboxes()
    const offered = await related({ orderIds: [seeded.selected, seeded.hosting, seeded.disk] })
    expect(offered.map((order) => order.id)).toEqual([seeded.lastYear, seeded.first, seeded.third])
    expect(offered[0]).toEqual({
      id: seeded.lastYear,
      accountId: ana,
      username: 'ana',
      serviceId: expect.any(Number),
      service: 'Mailbox',
      description: `Mailbox 2`,
      registeredOn: '2025-01-01',
      cancelledOn: null,
      billedUntil: '2026-01-01',
    })
  })

  it('offers ignored orders only when the run includes them', async () => {
    const seeded = await seedMailboxes()
    const offered = await related({ orderIds: [seeded.selected], includeIgnored: true })
    expect(offered.map((order) => order.id)).toEqual([
      seeded.lastYear,
      seeded.first,
      seeded.trial,
      seeded.third,
    ])
  })

  it('offers nothing for a service without rates or with a metric', async () => {
    const seeded = await seedMailboxes()
    expect(await related({ orderIds: [seeded.hosting, seeded.disk] })).toEqual([])
  })

  it('offers nothing already chosen, and nothing without a selection of orders', async () => {
    const seeded = await seedMailboxes()
    const chosen = [seeded.selected, seeded.lastYear, seeded.first, seeded.third]
    expect(await related({ orderIds: chosen })).toEqual([])
    expect(await related({})).toEqual([])
  })
})

describe('previewBillingRun with a selection of orders (spec 4.4, 5)', () => {
  it('bills only the selected orders', async () => {
    const seeded = await seedMailboxes()
    const preview = await core.store.read((tx) =>
      previewBillingRun(tx, { ...RUN, orderIds: [seeded.selected, seeded.beas] }),
    )
    // Alone, the selected mailbox holds the second position, still free.
    expect(pricedLines(preview)).toEqual([
      ['ana', seeded.selected, '12.00', '0.00'],
      ['bea', seeded.beas, '12.00', '0.00'],
    ])
  })

  it('prices a related order taken into its rate position', async () => {
    const seeded = await seedMailboxes()
    const preview = await core.store.read((tx) =>
      previewBillingRun(tx, { ...RUN, orderIds: [seeded.selected, seeded.first] }),
    )
    // The paid-up mailbox and the earlier one take the free units: the selected one pays.
    expect(pricedLines(preview)).toEqual([
      ['ana', seeded.first, '12.00', '0.00'],
      ['ana', seeded.selected, '12.00', '12.00'],
    ])
    expect(cents(preview.total)).toBe('14.52')
  })
})
