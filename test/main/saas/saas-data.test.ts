import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { historyEntries, saasTenants } from '../../../src-main/db/schema'
import { AppError } from '../../../src-shared/errors'
import { parseCustomUrl } from '../../../src-shared/schemas/saas'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

let core: TestCore
let joe: number
let ana: number
const call = caller(() => core)
const PASSWORD = `it's "$HOME" \\ here`

beforeEach(async () => {
  core = await makeCore()
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  ana = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
  await call('settings:update', { name: 'DOMAINS_DEFAULT_NS', value: ['ns1.example.net.'] })
})
afterEach(() => core.dispose())

/** The field issues a call was refused with. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return (error as AppError).issues?.map(({ field, rule }) => ({ field, rule })) ?? []
}

const wiki = (overrides: Record<string, unknown> = {}) =>
  call('saas:create', {
    accountId: joe,
    service: 'dokuwiki',
    name: 'notes',
    password: PASSWORD,
    ...overrides,
  })
const blog = (overrides: Record<string, unknown> = {}) =>
  call('saas:create', {
    accountId: joe,
    service: 'wordpress',
    name: 'myblog',
    data: { email: 'joe@example.org' },
    ...overrides,
  })

describe('SaaS tenant names (spec 8.1, 14.57)', () => {
  it('refuses My_Blog and stores MyBlog as myblog', async () => {
    expect(await refusal(blog({ name: 'My_Blog' }))).toEqual([{ field: 'name', rule: 'hostname' }])
    const created = await blog({ name: 'MyBlog' })
    expect(created.tenant.name).toBe('myblog')
    expect(created.tenant.siteDomain).toBe('myblog.blogs.orchestra.lan')
  })

  it('allows the same name on two services, not twice on one', async () => {
    await blog({ name: 'joe' })
    const onWiki = await wiki({ name: 'joe' })
    expect(onWiki.tenant.siteDomain).toBe('joe.dokuwiki.orchestra.lan')
    expect(await refusal(blog({ name: 'JOE' }))).toEqual([{ field: 'name', rule: 'unique' }])
  })

  it('refuses a phpList name of 20 characters and takes 19', async () => {
    const list = (name: string) =>
      call('saas:create', { accountId: joe, service: 'phplist', name, password: PASSWORD })
    expect(await refusal(list('a'.repeat(20)))).toEqual([{ field: 'name', rule: 'hostname' }])
    expect((await list('a'.repeat(19))).tenant.name).toBe('a'.repeat(19))
  })

  it('refuses names that are paths, options or hostile text', async () => {
    for (const name of ['..', '-rf', 'a/b', 'a b', "a'b", 'a#b', 'a\nb', 'a..b', '']) {
      expect(await refusal(wiki({ name }))).toEqual([{ field: 'name', rule: 'hostname' }])
    }
  })

  it('derives the site domain from the provider domain of now', async () => {
    await call('settings:update', { name: 'ORCHESTRA_BASE_DOMAIN', value: 'example.net' })
    const created = await wiki()
    expect(created.tenant.siteDomain).toBe('notes.dokuwiki.example.net')
  })
})

describe('SaaS sign-up data (spec 8.2)', () => {
  it('asks WordPress for an e-mail and no password, DokuWiki for a password', async () => {
    expect(await refusal(blog({ data: {} }))).toEqual([{ field: 'data.email', rule: 'required' }])
    expect(await refusal(blog({ password: PASSWORD }))).toEqual([
      { field: 'password', rule: 'not_for_service' },
    ])
    expect(await refusal(wiki({ password: undefined }))).toEqual([
      { field: 'password', rule: 'required' },
    ])
    expect(await refusal(wiki({ data: { email: 'a@example.org' } }))).toEqual([
      { field: 'data.email', rule: 'not_for_service' },
    ])
  })

  it('never stores the password, and says in history only that one was set', async () => {
    const created = await wiki()
    const updated = await call('saas:update', {
      id: created.tenant.id,
      version: created.tenant.version,
      password: 'another password',
    })
    expect(updated.tenant.version).toBe(2)
    const rows = await core.store.read((tx) => tx.select().from(saasTenants))
    const history = await core.store.read((tx) => tx.select().from(historyEntries))
    const stored = JSON.stringify([rows, history])
    expect(stored).not.toContain('HOME')
    expect(stored).not.toContain('another password')
    expect(history.at(-1)).toMatchObject({ action: 'changed', message: 'Password set' })
  })

  it('refuses a password with a line break or another control character', async () => {
    for (const password of ['two\nlines here', 'carriage\r\nreturn', 'nul\u0000byte here']) {
      expect(await refusal(wiki({ password }))).toEqual([
        { field: 'password', rule: 'control_character' },
      ])
    }
  })

  it('keeps a BSCW e-mail as it was created', async () => {
    const created = await call('saas:create', {
      accountId: joe,
      service: 'bscw',
      name: 'joe',
      password: PASSWORD,
      data: { email: 'joe@example.org' },
    })
    const change = { id: created.tenant.id, version: 1, data: { email: 'x@example.org' } }
    expect(await refusal(call('saas:update', change))).toEqual([
      { field: 'data.email', rule: 'read_only' },
    ])
  })

  it('refuses a service that is not enabled', async () => {
    await call('settings:update', { name: 'SAAS_ENABLED_SERVICES', value: ['dokuwiki'] })
    expect(await refusal(blog())).toEqual([{ field: 'service', rule: 'enabled' }])
  })

  it('refuses an edit made from an older version', async () => {
    const created = await wiki()
    await call('saas:update', { id: created.tenant.id, version: 1, isActive: false })
    const stale = call('saas:update', { id: created.tenant.id, version: 1, isActive: true })
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', field: 'version' })
  })
})

describe('custom URLs (spec 8.1, 14.58)', () => {
  beforeEach(async () => {
    await call('domains:create', { name: 'example.org', accountId: joe })
    await call('domains:create', { name: 'blog.example.org', accountId: joe })
    await call('domains:create', { name: 'ana.net', accountId: ana })
  })

  it('adds the trailing / and keeps the URL of a domain of the account', async () => {
    const created = await blog({ customUrl: '  https://blog.example.org ' })
    expect(created.tenant.customUrl).toBe('https://blog.example.org/')
    const wikiRoot = await wiki({ customUrl: 'http://example.org/' })
    expect(wikiRoot.tenant.customUrl).toBe('http://example.org/')
  })

  it('refuses a service without custom URLs, ftp, another account and a wiki path', async () => {
    const drupal = { service: 'drupal', name: 'site', customUrl: 'https://example.org/' }
    expect(await refusal(wiki(drupal))).toEqual([{ field: 'customUrl', rule: 'not_allowed' }])
    expect(await refusal(blog({ customUrl: 'ftp://example.org/' }))).toEqual([
      { field: 'customUrl', rule: 'scheme' },
    ])
    expect(await refusal(blog({ customUrl: 'https://ana.net/' }))).toEqual([
      { field: 'customUrl', rule: 'account_domain' },
    ])
    expect(await refusal(blog({ customUrl: 'https://nobody.example.com/' }))).toEqual([
      { field: 'customUrl', rule: 'account_domain' },
    ])
    expect(await refusal(wiki({ customUrl: 'https://example.org/wiki' }))).toEqual([
      { field: 'customUrl', rule: 'root_only' },
    ])
  })

  it('refuses a location another tenant has, whatever the scheme, but keeps its own', async () => {
    const first = await wiki({ customUrl: 'http://example.org/' })
    expect(await refusal(wiki({ name: 'other', customUrl: 'https://example.org/' }))).toEqual([
      { field: 'customUrl', rule: 'unique' },
    ])
    const same = { id: first.tenant.id, version: 1, customUrl: 'https://example.org' }
    expect((await call('saas:update', same)).tenant.customUrl).toBe('https://example.org/')
  })

  it('gives a host to one Moodle site, as its site map goes by host', async () => {
    const moodle = (name: string, customUrl: string) =>
      call('saas:create', {
        accountId: joe,
        service: 'moodle',
        name,
        password: PASSWORD,
        customUrl,
      })
    await moodle('learn', 'https://example.org/learn/')
    expect(await refusal(moodle('teach', 'http://example.org/teach/'))).toEqual([
      { field: 'customUrl', rule: 'unique' },
    ])
    expect((await blog({ customUrl: 'https://example.org/blog/' })).tenant.customUrl).toBe(
      'https://example.org/blog/',
    )
  })

  it('refuses a custom URL when its setting is off', async () => {
    await call('settings:update', { name: 'SAAS_WORDPRESS_ALLOW_CUSTOM_URL', value: false })
    expect(await refusal(blog({ customUrl: 'https://blog.example.org' }))).toEqual([
      { field: 'customUrl', rule: 'not_allowed' },
    ])
  })

  it('refuses hostile URLs before the parser can tidy them', () => {
    const rules = [
      'https://blog.example.org/\r\nX: y',
      'https://blog.example.org/a b',
      "https://blog.example.org/'",
      'https://blog.example.org/#x',
      'https://blog.example.org/?a=1',
      'https://user@blog.example.org/',
      'https://blog.example.org:8080/',
      'https://10.0.0.1/',
      'javascript:alert(1)',
      'https://blog.example.org/%2e%2e/',
      'https://blog.example.org/a/../b',
      'https://blog.example.org\\evil.example.com/',
      'HTTPS://Blog.Example.org/Wiki/',
    ].map((url) => {
      const checked = parseCustomUrl(url)
      return 'rule' in checked ? checked.rule : checked.ok.url
    })
    expect(rules).toEqual([
      'control_character',
      'url_path',
      'url_path',
      'url_parts',
      'url_parts',
      'url_parts',
      'url_parts',
      'host',
      'scheme',
      'url_path',
      'url_path',
      'url_path',
      'https://blog.example.org/Wiki/',
    ])
  })
})

describe('tenants of an account', () => {
  it('are listed on the account and deleted with it', async () => {
    await wiki()
    await blog()
    const detail = await call('accounts:get', { id: joe })
    expect(detail.services.filter((s) => s.kind === 'saasTenant').map((s) => s.name)).toEqual([
      'myblog (wordpress)',
      'notes (dokuwiki)',
    ])
    await call('accounts:delete', { id: joe })
    expect((await call('saas:list', {})).total).toBe(0)
  })

  it('are saved again when the account is disabled, and shown disabled with it', async () => {
    const created = await wiki()
    await call('accounts:setActive', { ids: [joe], active: false })
    const scope = { objectType: 'saasTenant' as const, objectId: created.tenant.id }
    const history = await call('history:list', scope)
    expect(history.rows.map((row) => row.message)).toContain('Account joe disabled')
    const detail = await call('saas:get', { id: created.tenant.id })
    expect(detail.tenant).toMatchObject({ isActive: true, effectiveActive: false })
  })

  it('lists by service and by search words', async () => {
    await wiki()
    await blog()
    const wikis = await call('saas:list', { service: 'dokuwiki' })
    expect(wikis.rows.map((row) => row.name)).toEqual(['notes'])
    const found = await call('saas:list', { q: 'BLOG' })
    expect(found.rows.map((row) => `${row.name} ${row.accountUsername}`)).toEqual(['myblog joe'])
  })
})
