import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { domains } from '../../../src-main/db/schema'
import { serialDay } from '../../../src-main/domains/serial'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)
let ana: number
let bea: number

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

const CNAME_ALONE =
  'CNAME and other data: a CNAME must be the only record of its name, ' +
  'and a top domain always has SOA and NS'

const today = () => serialDay(new Date().toISOString()) * 100

beforeEach(async () => {
  core = await makeCore()
  ana = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
  bea = (await call('accounts:create', accountInput({ username: 'bea' }))).account.id
})
afterEach(() => core.dispose())

describe('domains:create', () => {
  it('stores an international name in its xn-- form with its records and zone', async () => {
    const [created] = await call('domains:create', {
      name: 'Bäckerei-Beispiel.de',
      accountId: ana,
      records: [{ type: 'A', value: '192.0.2.10' }],
    })
    expect(created!.domain).toMatchObject({ name: 'xn--bckerei-beispiel-vnb.de', topId: null })
    expect(created!.domain.serial).toBe(today())
    expect(created!.records).toEqual([{ type: 'A', value: '192.0.2.10', ttl: '' }])
    expect(created!.zone).toContain('xn--bckerei-beispiel-vnb.de.')
    expect(created!.zone).toContain(' IN A        192.0.2.10')
  })

  it('creates one domain per line and gives a subdomain its parent’s account and top', async () => {
    const created = await call('domains:create', {
      name: 'www.example.org\nexample.org',
      accountId: ana,
    })
    expect(created.map((d) => d.domain.name)).toEqual(['www.example.org', 'example.org'])
    const [sub] = await call('domains:create', { name: 'a.b.example.org' })
    expect(sub!.domain).toMatchObject({ accountId: ana, topId: created[1]!.domain.id })
  })

  it('gives www the top’s account and its default MX and A (spec 14.11)', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const [www] = await call('domains:create', { name: 'www.example.org' })
    expect(www!.domain.accountId).toBe(ana)
    const lines = www!.zone.split('\n').filter((line) => line.startsWith('www.example.org.'))
    expect(lines.map((line) => line.split(/\s+/).slice(3).join(' '))).toEqual([
      'MX 10 mail.orchestra.lan.',
      'MX 10 mail2.orchestra.lan.',
      'A 10.0.3.13',
    ])
  })

  it('asks for an account when a batch holds a name without a parent (spec 14.19)', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const error = await failure(call('domains:create', { name: 'x.example.org\nunknown-top.net' }))
    expect(error.issues?.[0]).toMatchObject({ field: 'accountId', rule: 'required' })
    expect(error.issues?.[0]?.message).toContain('unknown-top.net is a top domain')
    expect(await countRows(core, domains)).toBe(1)
  })

  it('lists the implicit records a domain gets from the settings (spec 1.4)', async () => {
    const [top] = await call('domains:create', {
      name: 'example.org',
      accountId: ana,
      records: [{ type: 'MX', value: '5 mx.example.net.' }],
    })
    expect(top!.implicit.map((r) => `${r.type} ${r.value}`)).toEqual([
      'NS ns1.orchestra.lan.',
      'NS ns2.orchestra.lan.',
      'A 10.0.3.13',
    ])
    const [cdn] = await call('domains:create', {
      name: 'cdn.example.org',
      records: [{ type: 'CNAME', value: 'edge.example.net.' }],
    })
    expect(cdn!.implicit).toEqual([])
  })

  it('refuses a top domain without an account', async () => {
    const error = await failure(call('domains:create', { name: 'example.org' }))
    expect(error.issues?.[0]).toMatchObject({ field: 'accountId', rule: 'required' })
  })

  it('refuses a subdomain of another account’s domain', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const error = await failure(
      call('domains:create', { name: 'shop.example.org', accountId: bea }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'name', rule: 'owner' })
  })

  it('makes former top domains subdomains of a new top (spec 14.13)', async () => {
    const [sub] = await call('domains:create', { name: 'a.example.org', accountId: ana })
    const [deeper] = await call('domains:create', { name: 'b.a.example.org', accountId: ana })
    expect(deeper!.domain.topId).toBe(sub!.domain.id)
    const [top] = await call('domains:create', { name: 'example.org', accountId: ana })
    const moved = await call('domains:get', { id: sub!.domain.id })
    expect(moved.domain.topId).toBe(top!.domain.id)
    expect(moved.zone).toContain('a.example.org.')
    expect(moved.zone.split('\n')[0]).toMatch(/^example\.org\. .* SOA /)
    expect(moved.zone).toMatch(/^b\.a\.example\.org\. /m)
    const page = await call('domains:list', { topId: top!.domain.id })
    expect(page.rows.map((row) => row.name).sort()).toEqual(['a.example.org', 'b.a.example.org'])
  })

  it('refuses a zone that BIND refuses and names the record', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const error = await failure(
      call('domains:create', {
        name: 'www.example.org',
        records: [
          { type: 'CNAME', value: 'edge.example.net.' },
          { type: 'TXT', value: 'beside' },
        ],
      }),
    )
    expect(error.issues).toEqual([{ field: 'records.0.value', rule: 'zone', message: CNAME_ALONE }])
    expect(await countRows(core, domains)).toBe(1)
  })

  it('refuses an underscore name with only an A, takes it with a TXT (spec 14.4)', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const error = await failure(
      call('domains:create', {
        name: '_dmarc.example.org',
        records: [{ type: 'A', value: '192.0.2.1' }],
      }),
    )
    expect(error.issues?.[0]).toMatchObject({ rule: 'underscore' })
    expect(error.issues?.[0]?.message).toContain('hosts can not have underscore')
    const [dmarc] = await call('domains:create', {
      name: '_dmarc.example.org',
      records: [{ type: 'TXT', value: '"v=DMARC1; p=none"' }],
    })
    expect(dmarc!.zone).toMatch(/^_dmarc\.example\.org\. +1h IN TXT +"v=DMARC1; p=none"$/m)
  })

  it('creates an underscore top domain with only a TXT, without host defaults', async () => {
    const [dmarc] = await call('domains:create', {
      name: '_dmarc.shop.example.net',
      accountId: ana,
      records: [{ type: 'TXT', value: '"v=DMARC1; p=none"' }],
    })
    expect(dmarc!.domain.topId).toBeNull()
    const types = dmarc!.zone
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/)[3])
    expect(types).toEqual(['SOA', 'TXT', 'NS', 'NS'])
  })

  it('refuses a name that exists', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const error = await failure(call('domains:create', { name: 'EXAMPLE.org', accountId: ana }))
    expect(error.issues?.[0]).toMatchObject({ field: 'name', rule: 'unique' })
  })

  it('refuses forbidden names and the names under them (spec 14.5)', async () => {
    await call('settings:update', {
      name: 'DOMAINS_FORBIDDEN',
      value: 'google.com\nBÜCHER.example',
    })
    for (const name of ['google.com', 'mail.google.com', 'bücher.example']) {
      const error = await failure(call('domains:create', { name, accountId: ana }))
      expect(error.issues?.[0]).toMatchObject({ field: 'name', rule: 'forbidden' })
    }
    const error = await failure(call('domains:create', { name: 'mail.google.com', accountId: ana }))
    expect(error.issues?.[0]?.message).toContain('under google.com')
    const [allowed] = await call('domains:create', { name: 'notgoogle.com', accountId: ana })
    expect(allowed!.domain.name).toBe('notgoogle.com')
  })
})

describe('domains:update', () => {
  it('replaces the records as a set and bumps the zone’s serial', async () => {
    const [created] = await call('domains:create', {
      name: 'example.org',
      accountId: ana,
      records: [{ type: 'A', value: '192.0.2.1' }],
    })
    const { domain } = created!
    const updated = await call('domains:update', {
      id: domain.id,
      version: domain.version,
      records: [
        { type: 'MX', value: '5 mx.example.net.' },
        { type: 'TXT', value: '"v=spf1 mx -all"' },
      ],
    })
    expect(updated.records.map((r) => r.type)).toEqual(['MX', 'TXT'])
    expect(updated.domain.serial).toBe(domain.serial + 1)
    expect(updated.zone).not.toContain('192.0.2.1')
  })

  it('bumps the top’s serial when a subdomain changes', async () => {
    const [top] = await call('domains:create', { name: 'example.org', accountId: ana })
    const [sub] = await call('domains:create', { name: 'www.example.org' })
    await call('domains:update', {
      id: sub!.domain.id,
      version: sub!.domain.version,
      records: [{ type: 'A', value: '192.0.2.7' }],
    })
    const after = await call('domains:get', { id: top!.domain.id })
    expect(after.domain.serial).toBe(top!.domain.serial + 2)
    expect(after.zone).toContain('192.0.2.7')
  })

  it('keeps the stored SOA timers when an edit sends only records', async () => {
    const [created] = await call('domains:create', {
      name: 'example.org',
      accountId: ana,
      refresh: '2d',
    })
    const { id, version } = created!.domain
    const updated = await call('domains:update', { id, version, records: [] })
    expect(updated.domain.refresh).toBe('2d')
  })

  it('refuses an edit from an older version', async () => {
    const [created] = await call('domains:create', { name: 'example.org', accountId: ana })
    const { id, version } = created!.domain
    await call('domains:update', { id, version, refresh: '2d' })
    const error = await failure(call('domains:update', { id, version, refresh: '3d' }))
    expect(error.code).toBe('CONFLICT')
  })

  it('refuses SOA timers on a subdomain', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const [sub] = await call('domains:create', { name: 'www.example.org' })
    const error = await failure(
      call('domains:update', { id: sub!.domain.id, version: sub!.domain.version, refresh: '2d' }),
    )
    expect(error.issues?.[0]).toMatchObject({ rule: 'top_only' })
  })
})

describe('named-checkzone refusals mapped to fields', () => {
  it('places a CNAME beside the default NS of a top domain under the CNAME', async () => {
    const [top] = await call('domains:create', { name: 'example.org', accountId: ana })
    const error = await failure(
      call('domains:update', {
        id: top!.domain.id,
        version: top!.domain.version,
        records: [
          { type: 'A', value: '192.0.2.1' },
          { type: 'CNAME', value: 'edge.example.net.' },
        ],
      }),
    )
    expect(error.issues?.[0]).toEqual({
      field: 'records.1.value',
      rule: 'zone',
      message: CNAME_ALONE,
    })
  })

  it('names the other domain and record of the zone a subdomain’s change breaks', async () => {
    const [top] = await call('domains:create', { name: 'example.org', accountId: ana })
    const [ns1] = await call('domains:create', {
      name: 'ns1.example.org',
      records: [{ type: 'A', value: '192.0.2.53' }],
    })
    await call('domains:update', {
      id: top!.domain.id,
      version: top!.domain.version,
      records: [{ type: 'NS', value: 'ns1.example.org.' }],
    })
    const error = await failure(
      call('domains:update', {
        id: ns1!.domain.id,
        version: ns1!.domain.version,
        records: [{ type: 'TXT', value: 'no-address' }],
      }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'records', rule: 'zone' })
    expect(error.issues?.[0]?.message).toMatch(
      /^example\.org, record 1: NS 'ns1\.example\.org' has no address records/,
    )
  })
})

describe('a declared SOA', () => {
  const soa = { type: 'SOA' as const, value: 'ns1.example.net. dns.example.net. 1 3h 1h 2w 10m' }

  it('replaces the default SOA of a top domain, with the zone’s serial', async () => {
    const [top] = await call('domains:create', {
      name: 'example.org',
      accountId: ana,
      records: [soa],
    })
    const first = top!.zone.split('\n')[0]
    expect(first).toMatch(/IN SOA +ns1\.example\.net\. dns\.example\.net\. \d{10} 3h 1h 2w 10m$/)
    expect(first).toContain(` ${top!.domain.serial} `)
    const error = await failure(call('domains:setSoa', { ids: [top!.domain.id], refresh: '2d' }))
    expect(error.issues?.[0]).toMatchObject({ field: 'ids', rule: 'declared_soa' })
  })

  it('refuses SOA timers beside it: they would never be written', async () => {
    const error = await failure(
      call('domains:create', { name: 'example.org', accountId: ana, records: [soa], retry: '3h' }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'retry', rule: 'declared_soa' })
    const [top] = await call('domains:create', { name: 'example.org', accountId: ana })
    const { id, version } = top!.domain
    await call('domains:update', { id, version, expire: '2w' })
    const edit = await failure(call('domains:update', { id, version: version + 1, records: [soa] }))
    expect(edit.issues?.[0]).toMatchObject({ field: 'expire', rule: 'declared_soa' })
    const saved = await call('domains:update', {
      id,
      version: version + 1,
      records: [soa],
      expire: '',
    })
    expect(saved.records.map((record) => record.type)).toEqual(['SOA'])
  })

  it('is refused on a subdomain, under the record', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const error = await failure(
      call('domains:create', {
        name: 'www.example.org',
        records: [{ type: 'A', value: '192.0.2.1' }, soa],
      }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'records.1.type', rule: 'top_only' })
  })
})

describe('domains:delete', () => {
  it('takes a top domain’s subdomains with it and records each', async () => {
    const [top] = await call('domains:create', { name: 'example.org', accountId: ana })
    await call('domains:create', { name: 'www.example.org' })
    expect(await call('domains:delete', { id: top!.domain.id })).toEqual({ deleted: 2 })
    expect(await countRows(core, domains)).toBe(0)
    const history = await call('history:list', { objectType: 'domain', action: 'deleted' })
    expect(history.total).toBe(2)
  })
})

describe('domains:list', () => {
  it('lists an account’s domains with their top and record count', async () => {
    await call('domains:create', {
      name: 'example.org',
      accountId: ana,
      records: [{ type: 'A', value: '192.0.2.1' }],
    })
    await call('domains:create', { name: 'www.example.org' })
    await call('domains:create', { name: 'other.net', accountId: bea })
    const page = await call('domains:list', { accountId: ana })
    expect(page.total).toBe(2)
    expect(page.rows.map((r) => [r.name, r.topName, r.recordCount, r.accountUsername])).toEqual([
      ['example.org', null, 1, 'ana'],
      ['www.example.org', 'example.org', 0, 'ana'],
    ])
    expect((await call('domains:list', { q: 'other' })).rows.map((r) => r.name)).toEqual([
      'other.net',
    ])
  })
})

describe('domains as an account’s services', () => {
  it('shows them on the account and in its delete preview, and deletes them with it', async () => {
    await call('domains:create', { name: 'example.org', accountId: ana })
    const detail = await call('accounts:get', { id: ana })
    expect(detail.services.filter((s) => s.kind === 'domain')).toEqual([
      { kind: 'domain', id: expect.any(Number), name: 'example.org', isActive: true },
    ])
    const preview = await call('accounts:deletePreview', { id: ana })
    expect(preview.services.filter((s) => s.kind === 'domain').map((s) => s.name)).toEqual([
      'example.org',
    ])
    await call('accounts:delete', { id: ana })
    expect(await countRows(core, domains)).toBe(0)
  })
})
