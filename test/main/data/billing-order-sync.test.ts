import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ServiceCreateInput } from '../../../src-shared/schemas/billing-services'
import { orders } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

// Spec billing 4.1 (order synchronisation) and 4.3 (metric storage), through the calls the
// interface makes: every write of a billable object brings its orders along.

let core: TestCore
const call = caller(() => core)
let clock = new Date('2026-03-01T10:00:00Z')
let joe: number
let backupKind: number

const setToday = (instant: string) => (clock = new Date(instant))

async function backupService(extra: Partial<ServiceCreateInput> = {}) {
  return call('billingServices:create', {
    description: 'Backup',
    contentType: 'miscellaneous',
    match: "miscellaneous.is_active && miscellaneous.service.name == 'backup'",
    nominalPrice: '10',
    ...extra,
  })
}

async function backupItem(identifier: string, account = joe, amount = 1) {
  const detail = await call('miscellaneous:create', {
    serviceId: backupKind,
    accountId: account,
    identifier,
    amount,
  })
  return detail.item
}

async function onlyOrder(filters: { ignored?: 'no' | 'yes' | 'all' } = { ignored: 'all' }) {
  const page = await call('orders:list', filters)
  expect(page.rows).toHaveLength(1)
  return page.rows[0]!
}

beforeEach(async () => {
  setToday('2026-03-01T10:00:00Z')
  core = await makeCore({ clock: () => clock })
  await call('settings:update', { name: 'ORDERS_TIME_ZONE', value: 'Europe/Madrid' })
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  backupKind = (await call('miscServices:create', { name: 'backup', hasAmount: true })).id
})
afterEach(() => core.dispose())

describe('order synchronisation (spec billing 4.1)', () => {
  it('creates an order dated today in the installation zone when an object matches', async () => {
    const service = await backupService()
    // 23:30 UTC is already the next day in Madrid.
    setToday('2026-03-01T23:30:00Z')
    const item = await backupItem('nightly')
    const order = await onlyOrder()
    expect(order).toMatchObject({
      serviceId: service.id,
      accountId: joe,
      contentType: 'miscellaneous',
      objectId: item.id,
      registeredOn: '2026-03-02',
      cancelledOn: null,
      ignore: false,
      description: 'Backup: nightly',
      contentObjectRepr: 'nightly',
    })
  })

  it('creates no order for an object that does not match', async () => {
    await backupService({ match: "miscellaneous.service.name == 'other'" })
    await backupItem('nightly')
    expect(await countRows(core, orders)).toBe(0)
  })

  it('cancels the order on a mismatch, ignoring it inside the trial period', async () => {
    await backupService({ ignorePeriod: 'TEN_DAYS' })
    const item = await backupItem('nightly')
    setToday('2026-03-11T10:00:00Z')
    await call('miscellaneous:setActive', { ids: [item.id], active: false })
    const order = await onlyOrder()
    expect(order.cancelledOn).toBe('2026-03-11')
    expect(order.ignore).toBe(true)
  })

  it('cancels without ignoring once the trial period is over', async () => {
    await backupService({ ignorePeriod: 'TEN_DAYS' })
    const item = await backupItem('nightly')
    setToday('2026-03-12T10:00:00Z')
    await call('miscellaneous:setActive', { ids: [item.id], active: false })
    expect(await onlyOrder()).toMatchObject({ cancelledOn: '2026-03-12', ignore: false })
  })

  it('reads ONE_MONTH as one calendar month back from a cancellation, clamped', async () => {
    await backupService({ ignorePeriod: 'ONE_MONTH' })
    setToday('2026-01-31T10:00:00Z')
    const inside = await backupItem('inside')
    const outside = await backupItem('outside')
    // 28 February less a month is 28 January, on or before the 31st: still the trial.
    setToday('2026-02-28T10:00:00Z')
    await call('miscellaneous:setActive', { ids: [inside.id], active: false })
    // 1 March less a month is 1 February, after the 31st: past it.
    setToday('2026-03-01T10:00:00Z')
    await call('miscellaneous:setActive', { ids: [outside.id], active: false })
    const rows = (await call('orders:list', { ignored: 'all' })).rows
    const byRepr = Object.fromEntries(rows.map((row) => [row.contentObjectRepr, row]))
    expect(byRepr.inside).toMatchObject({ cancelledOn: '2026-02-28', ignore: true })
    expect(byRepr.outside).toMatchObject({ cancelledOn: '2026-03-01', ignore: false })
  })

  it('starts the orders of staff and superuser accounts ignored', async () => {
    await backupService()
    const staff = (await call('accounts:create', accountInput({ username: 'sam', type: 'STAFF' })))
      .account.id
    const root = (
      await call('accounts:create', accountInput({ username: 'ro', isSuperuser: true }))
    ).account.id
    await backupItem('a', staff)
    await backupItem('b', root)
    await backupItem('c', joe)
    const rows = (await call('orders:list', { ignored: 'all' })).rows
    const ignored = Object.fromEntries(rows.map((row) => [row.contentObjectRepr, row.ignore]))
    expect(ignored).toEqual({ a: true, b: true, c: false })
  })

  it('bills privileged accounts when the service does not ignore them', async () => {
    await backupService({ ignoreSuperusers: false })
    const staff = (await call('accounts:create', accountInput({ username: 'sam', type: 'STAFF' })))
      .account.id
    await backupItem('a', staff)
    expect((await onlyOrder()).ignore).toBe(false)
  })

  it('cancels every active order of a deleted object', async () => {
    await backupService()
    await backupService({ description: 'Backup storage', match: 'true' })
    const item = await backupItem('nightly')
    setToday('2026-04-01T10:00:00Z')
    await call('miscellaneous:delete', { ids: [item.id] })
    const rows = (await call('orders:list', { ignored: 'all' })).rows
    expect(rows.map((row) => row.cancelledOn)).toEqual(['2026-04-01', '2026-04-01'])
  })

  it('refreshes the description when the object changes', async () => {
    await backupService({ orderDescription: "'Backup of ' + miscellaneous.description" })
    const item = await backupItem('nightly')
    await call('miscellaneous:update', { id: item.id, version: item.version, description: 'db' })
    expect((await onlyOrder()).description).toBe('Backup of db')
  })

  it('creates no orders for a disabled service', async () => {
    await backupService({ isActive: false })
    await backupItem('nightly')
    expect(await countRows(core, orders)).toBe(0)
  })

  it('saves an object whose service fails on it, leaving its order to the dry run', async () => {
    await backupItem('first', joe, 2)
    // Checks on the first object, but divides by zero on an amount of 1.
    const service = await backupService({ match: '10 / (miscellaneous.amount - 1) > 2' })
    const item = await backupItem('broken', joe, 1)
    expect(await countRows(core, orders)).toBe(0)
    const decisions = await call('orders:previewUpdate', { serviceId: service.id })
    expect(decisions.map((d) => [d.objectId, d.action])).toEqual([
      [item.id - 1, 'create'],
      [item.id, 'error'],
    ])
    expect(decisions[1]?.message).toMatch(/division by zero|divide/i)
  })

  it('keeps the orders of a deleted account, cancelled and without it', async () => {
    await call('billingServices:create', {
      description: 'Membership',
      contentType: 'account',
      nominalPrice: '20',
    })
    const ann = await call('accounts:create', accountInput({ username: 'ann' }))
    setToday('2026-05-01T10:00:00Z')
    await call('accounts:delete', { id: ann.account.id })
    const rows = (await call('orders:list', { ignored: 'all' })).rows
    const annOrder = rows.find((row) => row.objectId === ann.account.id)
    expect(annOrder).toMatchObject({ accountId: null, cancelledOn: '2026-05-01' })
  })

  it('bills an account by itself under an account service', async () => {
    await call('billingServices:create', {
      description: 'Membership',
      contentType: 'account',
      match: "account.type == 'ASSOCIATION'",
      nominalPrice: '20',
    })
    const club = await call(
      'accounts:create',
      accountInput({ username: 'club', type: 'ASSOCIATION' }),
    )
    const order = await onlyOrder()
    expect(order).toMatchObject({ accountId: club.account.id, objectId: club.account.id })
    expect(order.description).toBe('Membership: club')
  })
})

describe('the order time zone setting', () => {
  it('refuses a zone the runtime does not know, on the value', async () => {
    const error = await call('settings:update', { name: 'ORDERS_TIME_ZONE', value: 'Mars/Base' })
      .then(() => undefined)
      .catch((e: unknown) => e)
    expect((error as { issues?: { field: string }[] }).issues?.[0]?.field).toBe('value')
  })

  it("takes the workstation's zone when empty", async () => {
    await call('settings:update', { name: 'ORDERS_TIME_ZONE', value: '' })
    await backupService()
    setToday('2026-03-01T12:00:00Z')
    await backupItem('noon')
    const expected = new Intl.DateTimeFormat('en-CA', { dateStyle: 'short' }).format(clock)
    expect((await onlyOrder()).registeredOn).toBe(expected)
  })
})

describe('metric storage on synchronisation (spec billing 4.3)', () => {
  const metricService = (extra: Partial<ServiceCreateInput> = {}) =>
    backupService({
      metric: 'miscellaneous.amount',
      billingPeriod: 'MONTHLY',
      pricingPeriod: '',
      ...extra,
    })

  async function amount(id: number, value: number) {
    const { item } = await call('miscellaneous:get', { id })
    await call('miscellaneous:update', { id, version: item.version, amount: value })
  }

  async function metrics() {
    const order = await onlyOrder()
    return (await call('orders:get', { id: order.id })).metrics.map((row) => [
      row.createdOn,
      row.value,
      row.updatedOn,
    ])
  }

  it('keeps one row a day, the last value of the day winning', async () => {
    await metricService()
    const item = await backupItem('nightly', joe, 3)
    setToday('2026-03-01T15:00:00Z')
    await amount(item.id, 5)
    expect(await metrics()).toEqual([['2026-03-01', '5.00', '2026-03-01T16:00:00+01:00']])
  })

  it('only confirms a value within the threshold, and opens a row past it', async () => {
    await metricService({ metricThreshold: '1' })
    const item = await backupItem('nightly', joe, 5)
    setToday('2026-03-02T10:00:00Z')
    await amount(item.id, 6)
    expect(await metrics()).toEqual([['2026-03-01', '5.00', '2026-03-02T11:00:00+01:00']])
    setToday('2026-03-03T10:00:00Z')
    await amount(item.id, 7)
    expect(await metrics()).toEqual([
      ['2026-03-03', '7.00', '2026-03-03T11:00:00+01:00'],
      ['2026-03-01', '5.00', '2026-03-02T11:00:00+01:00'],
    ])
  })

  it('takes ORDERS_METRIC_ERROR as the threshold of a service without its own', async () => {
    await call('settings:update', { name: 'ORDERS_METRIC_ERROR', value: '2' })
    await metricService()
    const item = await backupItem('nightly', joe, 5)
    setToday('2026-03-02T10:00:00Z')
    await amount(item.id, 7)
    expect((await metrics()).map(([day, value]) => [day, value])).toEqual([['2026-03-01', '5.00']])
  })

  it('reads a relative threshold as a fraction of the last value', async () => {
    await metricService({ metricThreshold: '0.5', metricThresholdRelative: true })
    const item = await backupItem('nightly', joe, 10)
    setToday('2026-03-02T10:00:00Z')
    await amount(item.id, 14)
    setToday('2026-03-03T10:00:00Z')
    await amount(item.id, 16)
    expect((await metrics()).map(([day, value]) => [day, value])).toEqual([
      ['2026-03-03', '16.00'],
      ['2026-03-01', '10.00'],
    ])
  })
})
