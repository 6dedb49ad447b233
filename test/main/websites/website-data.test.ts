import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { webapps, websites } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

describe('websites: records and rules (spec 6.1, 6.2)', () => {
  let core: TestCore
  let joe: number
  let ann: number
  const domain: Record<string, number> = {}
  const call = caller(() => core)

  beforeEach(async () => {
    core = await makeCore()
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    ann = (await call('accounts:create', accountInput({ username: 'ann' }))).account.id
    for (const [name, accountId] of [
      ['example.org', joe],
      ['*.example.org', joe],
      ['ann.net', ann],
    ] as const) {
      const [created] = await call('domains:create', { name, accountId })
      domain[name] = created!.domain.id
    }
  })
  afterEach(() => core.dispose())

  async function webapp(name: string, accountId = joe) {
    const [row] = await core.store.write((tx) =>
      tx.insert(webapps).values({ name, type: 'static', accountId }).returning(),
    )
    return row!.id
  }

  const site = (name: string, protocol: string, domainIds = [domain['example.org']!]) =>
    call('websites:create', {
      accountId: joe,
      name,
      protocol: protocol as 'http',
      domainIds,
    })

  /** The field and rule a refused call names. */
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: { field?: string; issues?: { rule: string }[] }) =>
        `${error.field}: ${error.issues?.[0]?.rule}`,
    )

  it('lets an http and an https site share a domain, and nothing more (14.48)', async () => {
    await site('a', 'http')
    await site('b', 'https')
    expect(await refusal(site('c', 'http/https'))).toBe('domainIds: protocol_overlap')
    expect(await refusal(site('d', 'https-only'))).toBe('domainIds: protocol_overlap')
    expect(await refusal(site('e', 'http'))).toBe('domainIds: protocol_overlap')
    expect(await countRows(core, websites)).toBe(2)
  })

  it('refuses a site whose only domain is a wildcard (14.49)', async () => {
    expect(await refusal(site('w', 'http', [domain['*.example.org']!]))).toBe(
      'domainIds: server_name',
    )
    const both = await site('w', 'http', [domain['*.example.org']!, domain['example.org']!])
    expect(both.domains.map((d) => d.name)).toEqual(['*.example.org', 'example.org'])
    expect(both.url).toBe('http://example.org')
  })

  it('takes domains and web apps of the same account only', async () => {
    expect(await refusal(site('x', 'http', [domain['ann.net']!]))).toBe('domainIds: account')
    const annApp = await webapp('shop', ann)
    const mounted = call('websites:create', {
      accountId: joe,
      name: 'x',
      contents: [{ webappId: annApp, path: '/' }],
    })
    expect(await refusal(mounted)).toBe('contents.0.webappId: account')
  })

  it('keeps names unique per account, and a missing protocol is the setting', async () => {
    await call('settings:update', { name: 'WEBSITES_DEFAULT_PROTOCOL', value: 'https-only' })
    const first = await call('websites:create', { accountId: joe, name: 'main' })
    expect(first.website.protocol).toBe('https-only')
    expect(await refusal(call('websites:create', { accountId: joe, name: 'main' }))).toBe(
      'name: unique',
    )
    const other = await call('websites:create', { accountId: ann, name: 'main' })
    expect(other.uniqueName).toBe('ann-main')
  })

  it('refuses a name whose server files another account’s site already has', async () => {
    const joeA = (await call('accounts:create', accountInput({ username: 'joe-a' }))).account.id
    await call('websites:create', { accountId: joe, name: 'a-b' })
    const clash = call('websites:create', { accountId: joeA, name: 'b' })
    expect(await refusal(clash)).toBe('name: unique_name')
    await call('settings:update', { name: 'WEBSITES_UNIQUE_NAME_FORMAT', value: '%(user)s-%(id)s' })
    expect((await call('websites:create', { accountId: joeA, name: 'b' })).uniqueName).toBe(
      'joe-a-2',
    )
  })

  it('checks locations across the merged parts of an edit', async () => {
    const app = await webapp('files')
    const created = await call('websites:create', {
      accountId: joe,
      name: 'main',
      contents: [{ webappId: app, path: '/' }],
    })
    const edit = call('websites:update', {
      id: created.website.id,
      version: created.website.version,
      directives: [{ name: 'redirect', value: 'http://x.example/' }],
    })
    expect(await refusal(edit)).toBe('directives.0.value: location_unique')
  })

  it('records each change in the history, with names rather than ids', async () => {
    const app = await webapp('files')
    const created = await site('main', 'http')
    const updated = await call('websites:update', {
      id: created.website.id,
      version: created.website.version,
      protocol: 'https',
      contents: [{ webappId: app, path: '/static/' }],
      directives: [{ name: 'error-document', value: '404 /static/404.html' }],
    })
    expect(updated.website.version).toBe(2)
    expect(updated.contents).toEqual([
      { webappId: app, webappName: 'files', webappType: 'static', path: '/static' },
    ])
    await call('websites:setActive', { ids: [created.website.id], active: false })
    const history = await call('history:list', { objectType: 'website', dir: 'asc' })
    expect(history.rows.map((row) => row.action)).toEqual(['added', 'changed', 'disabled'])
    expect(history.rows[1]!.changes).toEqual([
      { field: 'protocol', from: 'http', to: 'https' },
      { field: 'contents', from: [], to: ['/static files'] },
      { field: 'directives', from: [], to: ['error-document 404 /static/404.html'] },
    ])
  })

  it('refuses an edit made from an older version', async () => {
    const created = await site('main', 'http')
    await call('websites:update', { id: created.website.id, version: 1, protocol: 'https' })
    const stale = call('websites:update', { id: created.website.id, version: 1, protocol: 'http' })
    expect(await refusal(stale)).toBe('version: undefined')
  })

  it('lists websites with their domains and goes with its account', async () => {
    await site('main', 'http')
    const list = await call('websites:list', { q: 'mai' })
    expect(list.rows.map((row) => [row.name, row.domainNames, row.active])).toEqual([
      ['main', ['example.org'], true],
    ])
    expect((await call('websites:list', { q: 'example.or' })).rows.map((r) => r.name)).toEqual([
      'main',
    ])
    expect((await call('websites:list', { q: 'ann.net' })).total).toBe(0)
    const hits = await call('search:global', { q: 'main joe', limit: 10 })
    expect(hits.filter((hit) => hit.objectType === 'website').map((hit) => hit.title)).toEqual([
      'main',
    ])
    const detail = await call('accounts:get', { id: joe })
    expect(detail.services.filter((s) => s.kind === 'website').map((s) => s.name)).toEqual(['main'])
    await call('accounts:delete', { id: joe })
    expect(await countRows(core, websites)).toBe(0)
  })

  it('refuses settings that would put hostile text into a configuration', async () => {
    const hostile = ['/var/log/a b', '/var/log/"x"', '/var/log/../../etc', '/a\nInclude /x', 'rel']
    for (const name of [
      'WEBSITES_WEBSITE_WWW_ACCESS_LOG_PATH',
      'WEBSITES_NGINX_ACCESS_LOG_PATH',
      'WEBSITES_BASE_APACHE_CONF',
      'WEBSITES_DEFAULT_SSL_CERT',
      'WEBSITES_SAAS_WORDPRESS_ROOT',
      'WEBSITES_SAAS_MOODLE_FPM',
    ] as const) {
      for (const value of hostile) {
        expect(await refusal(call('settings:update', { name, value })), `${name} ${value}`).toMatch(
          /^value: /,
        )
      }
    }
    for (const value of ['%(user)s', '%(site_name)s/x', '..%(id)s', '%(site_name)s %(user)s']) {
      const update = call('settings:update', { name: 'WEBSITES_UNIQUE_NAME_FORMAT', value })
      expect(await refusal(update), value).toMatch(/^value: /)
    }
    for (const value of [['1.2.3.4:80'], ['*', 'a b'], []]) {
      const update = call('settings:update', { name: 'WEBSITES_DEFAULT_IPS', value })
      expect(await refusal(update), JSON.stringify(value)).toMatch(/^value: /)
    }
  })

  it('refuses a directive that is not enabled, and keeps one already in place', async () => {
    const directives = [{ name: 'redirect' as const, value: '/old https://example.net/' }]
    const created = await call('websites:create', { accountId: joe, name: 'main', directives })
    await call('settings:update', { name: 'WEBSITES_ENABLED_DIRECTIVES', value: ['proxy'] })
    const edit = { id: created.website.id, version: 1, isActive: false }
    expect((await call('websites:update', { ...edit, directives })).website.isActive).toBe(false)
    const added = [...directives, { name: 'redirect' as const, value: '/new https://example.net/' }]
    expect(await refusal(call('websites:update', { ...edit, version: 2, directives: added }))).toBe(
      'directives.1.name: enabled',
    )
    expect(await refusal(call('websites:create', { accountId: joe, name: 'b', directives }))).toBe(
      'directives.0.name: enabled',
    )
  })
})
