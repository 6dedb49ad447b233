import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { domains } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)
let ana: number

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

async function create(name: string, records: { type: 'A' | 'TXT'; value: string }[] = []) {
  const [detail] = await call('domains:create', {
    name,
    accountId: name.split('.').length > 2 ? undefined : ana,
    records,
  })
  return detail!.domain
}

const soaLine = async (id: number) =>
  (await call('domains:get', { id })).zone.split('\n').find((l) => l.includes(' IN SOA '))!

beforeEach(async () => {
  core = await makeCore()
  ana = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
})
afterEach(() => core.dispose())

describe('domains:setSoa', () => {
  it('sets, keeps and resets timers, one serial and entry per zone (spec 14.16)', async () => {
    const org = await create('example.org')
    const net = await create('example.net')
    await call('domains:update', { id: net.id, version: net.version, retry: '3h' })

    expect(
      await call('domains:setSoa', { ids: [org.id, net.id], refresh: '2d', retry: '' }),
    ).toEqual({ changed: 2 })
    const [orgAfter, netAfter] = await Promise.all(
      [org.id, net.id].map((id) => call('domains:get', { id })),
    )
    expect(orgAfter!.domain).toMatchObject({ refresh: '2d', retry: '', expire: '', minTtl: '' })
    expect(orgAfter!.domain.serial).toBe(org.serial + 1)
    expect(netAfter!.domain).toMatchObject({ refresh: '2d', retry: '' })
    expect(netAfter!.domain.serial).toBe(net.serial + 2)
    expect(await soaLine(org.id)).toMatch(/ \d{10} 2d 2h 4w 1h$/)

    await call('domains:setSoa', { ids: [org.id], refresh: '' })
    expect(await soaLine(org.id)).toMatch(/ \d{10} 1d 2h 4w 1h$/)
    const history = await call('history:list', { objectType: 'domain', action: 'changed' })
    expect(history.rows.filter((entry) => entry.objectId === org.id)).toHaveLength(2)
  })

  it('leaves a zone whose timers already hold the values untouched', async () => {
    const org = await create('example.org')
    await call('domains:setSoa', { ids: [org.id], expire: '2w' })
    expect(await call('domains:setSoa', { ids: [org.id], expire: '2w' })).toEqual({ changed: 0 })
    expect((await call('domains:get', { id: org.id })).domain.serial).toBe(org.serial + 1)
  })

  it('refuses a selection with a subdomain, naming it, and changes nothing', async () => {
    const org = await create('example.org')
    await create('www.example.org')
    const sub = await create('shop.example.org')
    const www = (await call('domains:list', { q: 'www' })).rows[0]!
    const error = await failure(
      call('domains:setSoa', { ids: [org.id, www.id, sub.id], refresh: '2d' }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'ids', rule: 'top_only' })
    expect(error.issues?.[0]?.message).toContain('www.example.org, shop.example.org')
    expect((await call('domains:get', { id: org.id })).domain.refresh).toBe('')
  })

  it('refuses a timer that is not a zone interval, naming the timer', async () => {
    const org = await create('example.org')
    const error = await failure(call('domains:setSoa', { ids: [org.id], minTtl: '1H' }))
    expect(error.issues?.[0]).toMatchObject({ field: 'minTtl', rule: 'zone_interval' })
  })

  it('refuses an unknown domain before changing any', async () => {
    const org = await create('example.org')
    const error = await failure(call('domains:setSoa', { ids: [org.id, 9999], refresh: '2d' }))
    expect(error.code).toBe('NOT_FOUND')
    expect((await call('domains:get', { id: org.id })).domain.refresh).toBe('')
  })
})

describe('domains:deletePreview and domains:deleteMany', () => {
  it('names the subdomains and counts the records that go with each top', async () => {
    const org = await create('example.org', [{ type: 'A', value: '192.0.2.1' }])
    const www = await create('www.example.org', [{ type: 'A', value: '192.0.2.2' }])
    await create('_dmarc.example.org', [{ type: 'TXT', value: '"v=DMARC1; p=none"' }])
    const net = await create('example.net')
    const preview = await call('domains:deletePreview', { ids: [www.id, org.id, net.id] })
    expect(preview.domains).toEqual([
      {
        id: org.id,
        name: 'example.org',
        isTop: true,
        subdomains: ['_dmarc.example.org', 'www.example.org'],
        records: 3,
        addresses: 0,
      },
      { id: net.id, name: 'example.net', isTop: true, subdomains: [], records: 0, addresses: 0 },
    ])
  })

  it('deletes tops with subdomains; a zone losing subdomains is bumped once', async () => {
    const org = await create('example.org')
    const net = await create('example.net')
    const a = await create('a.example.net')
    const b = await create('b.example.net')
    await create('www.example.org')
    await create('c.example.net')

    const result = await call('domains:deleteMany', { ids: [org.id, a.id, b.id] })
    expect(result).toEqual({ deleted: 4 })
    const left = await call('domains:list', {})
    expect(left.rows.map((row) => row.name)).toEqual(['c.example.net', 'example.net'])
    // Three creations of subdomains, then one bump for both deletions.
    const after = await call('domains:get', { id: net.id })
    expect(after.domain.serial).toBe(net.serial + 4)
    expect(after.zone).not.toMatch(/^[ab]\.example\.net\./m)
    expect(after.zone).toMatch(new RegExp(`^c\\.example\\.net\\.`, 'm'))

    const history = await call('history:list', { objectType: 'domain', action: 'deleted' })
    expect(history.rows.map((entry) => [entry.objectRepr, entry.message]).sort()).toEqual([
      ['a.example.net', 'Deleted in bulk'],
      ['b.example.net', 'Deleted in bulk'],
      ['example.org', 'Deleted 1 subdomain(s) with it'],
      ['www.example.org', 'Deleted with example.org'],
    ])
    expect(await countRows(core, domains)).toBe(2)
  })
})

describe('domains:list by top', () => {
  it('lists the subdomains of one top domain only', async () => {
    const org = await create('example.org')
    await create('www.example.org')
    await create('mail.example.org')
    await call('domains:create', { name: 'www.example.net', accountId: ana })
    const page = await call('domains:list', { topId: org.id, dir: 'asc' })
    expect(page.rows.map((row) => row.name)).toEqual(['mail.example.org', 'www.example.org'])
    expect(page.total).toBe(2)
  })
})

describe('domains:updateRecords', () => {
  it('saves the records of a top and its subdomains with one serial for the zone', async () => {
    const org = await create('example.org')
    const www = await create('www.example.org')
    const net = await create('example.net')
    const result = await call('domains:updateRecords', {
      domains: [
        { id: org.id, version: org.version, records: [{ type: 'A', value: '192.0.2.1' }] },
        { id: www.id, version: www.version, records: [{ type: 'CNAME', value: 'example.org.' }] },
        { id: net.id, version: net.version, records: [] },
      ],
    })
    expect(result).toEqual({ changed: 2 })
    const after = await call('domains:get', { id: org.id })
    expect(after.domain.serial).toBe(org.serial + 2)
    expect(after.zone).toMatch(/^www\.example\.org\. +1h IN CNAME +example\.org\.$/m)
    expect((await call('domains:get', { id: net.id })).domain.version).toBe(net.version)
    const history = await call('history:list', { objectType: 'domain', action: 'changed' })
    expect(history.rows.map((entry) => entry.message)).toContain('Records edited in bulk')
  })

  it('places a refusal under the entry and record it concerns, and saves none', async () => {
    const org = await create('example.org')
    const www = await create('www.example.org')
    const error = await failure(
      call('domains:updateRecords', {
        domains: [
          { id: org.id, version: org.version, records: [{ type: 'A', value: '192.0.2.1' }] },
          {
            id: www.id,
            version: www.version,
            records: [
              { type: 'TXT', value: 'beside' },
              { type: 'CNAME', value: 'example.org.' },
            ],
          },
        ],
      }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'domains.1.records.1.value', rule: 'zone' })
    expect((await call('domains:get', { id: org.id })).records).toEqual([])

    const stale = await failure(
      call('domains:updateRecords', {
        domains: [{ id: www.id, version: www.version + 1, records: [] }],
      }),
    )
    expect(stale.code).toBe('CONFLICT')
    const underscore = await create('_dmarc.example.org', [{ type: 'TXT', value: 'v=DMARC1' }])
    const refused = await failure(
      call('domains:updateRecords', {
        domains: [
          { id: org.id, version: org.version, records: [] },
          {
            id: underscore.id,
            version: underscore.version,
            records: [{ type: 'A', value: '192.0.2.9' }],
          },
        ],
      }),
    )
    expect(refused.issues?.[0]).toMatchObject({ field: 'domains.1.records', rule: 'underscore' })
  })
})
