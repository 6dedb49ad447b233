import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saasTenants, websites } from '../../../src-main/db/schema'
import { AppError } from '../../../src-shared/errors'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

let core: TestCore
let joe: number
const call = caller(() => core)
const domain: Record<string, number> = {}

beforeEach(async () => {
  core = await makeCore()
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  await call('settings:update', { name: 'DOMAINS_DEFAULT_NS', value: ['ns1.example.net.'] })
  for (const name of ['example.org', 'blog.example.org']) {
    const [created] = await call('domains:create', { name, accountId: joe })
    domain[name] = created!.domain.id
  }
})
afterEach(() => core.dispose())

/** The field issues a call was refused with, as field: rule. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return (error as AppError).issues?.map(({ field, rule }) => `${field}: ${rule}`) ?? []
}

const blog = (customUrl: string, name = 'myblog') =>
  call('saas:create', {
    accountId: joe,
    service: 'wordpress',
    name,
    data: { email: 'joe@example.org' },
    customUrl,
  })

async function siteNamed(name: string) {
  const list = await call('websites:list', { q: name })
  const row = list.rows.find((site) => site.name === name)
  return row ? call('websites:get', { id: row.id }) : undefined
}

const directivesOf = async (name: string) =>
  (await siteNamed(name))?.directives.map((d) => `${d.name} ${d.value}`)

describe('a custom URL and its website (spec 8.1, 14.58)', () => {
  it('creates an https-only website named after the host, with wordpress-saas /', async () => {
    const created = await blog('https://blog.example.org')
    const site = await siteNamed('blog.example.org')
    expect(site?.website.protocol).toBe('https-only')
    expect(site?.domains.map((d) => d.name)).toEqual(['blog.example.org'])
    expect(site?.directives).toEqual([{ name: 'wordpress-saas', value: '/' }])
    expect(created.website).toEqual({
      id: site!.website.id,
      name: 'blog.example.org',
      created: true,
    })
    const history = await call('history:list', {
      objectType: 'website',
      objectId: site!.website.id,
    })
    expect(history.rows.map((row) => row.action)).toEqual(['added'])
  })

  it('creates an http website for an http URL, the directive at the URL path', async () => {
    await blog('http://example.org/blog/')
    expect((await siteNamed('example.org'))?.website.protocol).toBe('http')
    expect(await directivesOf('example.org')).toEqual(['wordpress-saas /blog'])
  })

  it('adds the directive to a website of the account already serving the host', async () => {
    const home = await call('websites:create', {
      accountId: joe,
      name: 'home',
      protocol: 'http/https',
      domainIds: [domain['example.org']!],
      directives: [{ name: 'redirect', value: '/old https://example.net/' }],
    })
    const created = await blog('https://example.org/blog')
    expect(created.website).toMatchObject({ id: home.website.id, created: false })
    expect(await directivesOf('home')).toEqual([
      'redirect /old https://example.net/',
      'wordpress-saas /blog',
    ])
    expect(await countRows(core, websites)).toBe(1)

    // Removing the URL takes the directive away; a website the panel did not make stays.
    const edit = { id: created.tenant.id, version: 1, customUrl: '' }
    expect((await call('saas:update', edit)).website).toBeNull()
    expect(await directivesOf('home')).toEqual(['redirect /old https://example.net/'])
  })

  it('passes over a website whose protocol does not answer the scheme', async () => {
    await call('websites:create', {
      accountId: joe,
      name: 'plain',
      protocol: 'http',
      domainIds: [domain['blog.example.org']!],
    })
    // The new https-only site would take the host from the http one (spec 6.2).
    expect(await refusal(blog('https://blog.example.org/'))).toEqual([
      'customUrl: protocol_overlap',
    ])
    expect(await countRows(core, saasTenants)).toBe(0)
    expect(await countRows(core, websites)).toBe(1)
  })

  it('refuses a location the website already uses, and writes nothing', async () => {
    await call('websites:create', {
      accountId: joe,
      name: 'home',
      protocol: 'https',
      domainIds: [domain['example.org']!],
      directives: [{ name: 'proxy', value: '/blog http://127.0.0.1:8080' }],
    })
    expect(await refusal(blog('https://example.org/blog/'))).toEqual(['customUrl: location_unique'])
    expect(await countRows(core, saasTenants)).toBe(0)
    expect(await directivesOf('home')).toEqual(['proxy /blog http://127.0.0.1:8080'])
  })

  it('moves the directive when the URL changes, and removes the site it made', async () => {
    const created = await blog('https://blog.example.org/')
    const moved = await call('saas:update', {
      id: created.tenant.id,
      version: 1,
      customUrl: 'http://example.org/news',
    })
    expect(await siteNamed('blog.example.org')).toBeUndefined()
    expect(await directivesOf('example.org')).toEqual(['wordpress-saas /news'])
    expect(moved.website).toMatchObject({ name: 'example.org', created: true })
  })

  it('keeps its website when the path moves on the same host', async () => {
    const created = await blog('https://blog.example.org/')
    const edit = { id: created.tenant.id, version: 1, customUrl: 'https://blog.example.org/news' }
    const moved = await call('saas:update', edit)
    expect(moved.website).toEqual(created.website)
    expect(await directivesOf('blog.example.org')).toEqual(['wordpress-saas /news'])
    const scope = { objectType: 'website' as const, objectId: created.website!.id }
    const history = await call('history:list', scope)
    expect(history.rows.map((row) => row.action).sort()).toEqual(['added', 'changed'])
  })

  it('switches scheme on the same host through a new website', async () => {
    const created = await blog('http://blog.example.org/')
    await call('saas:update', {
      id: created.tenant.id,
      version: 1,
      customUrl: 'https://blog.example.org/',
    })
    expect((await siteNamed('blog.example.org'))?.website.protocol).toBe('https-only')
    expect(await countRows(core, websites)).toBe(1)
  })

  it('keeps a website it made once something else is on it', async () => {
    const created = await blog('https://blog.example.org/')
    const site = (await siteNamed('blog.example.org'))!
    await call('websites:update', {
      id: site.website.id,
      version: site.website.version,
      directives: [...site.directives, { name: 'error-document', value: '404 /404.html' }],
    })
    await call('saas:delete', { ids: [created.tenant.id] })
    expect(await directivesOf('blog.example.org')).toEqual(['error-document 404 /404.html'])
  })

  it('deletes the website it made with the tenant, and says why in history', async () => {
    const created = await blog('https://blog.example.org/')
    const id = created.website!.id
    await call('saas:delete', { ids: [created.tenant.id] })
    expect(await countRows(core, websites)).toBe(0)
    const history = await call('history:list', { objectType: 'website', objectId: id })
    expect(history.rows.find((row) => row.action === 'deleted')?.message).toBe(
      'Deleted with SaaS tenant myblog (wordpress)',
    )
  })

  it('goes with the account, with the websites made for it', async () => {
    await blog('https://blog.example.org/')
    await blog('https://example.org/blog/', 'other')
    await call('accounts:delete', { id: joe })
    expect(await countRows(core, websites)).toBe(0)
    expect(await countRows(core, saasTenants)).toBe(0)
  })

  it('refuses a custom URL whose directive websites may not have', async () => {
    await call('settings:update', { name: 'WEBSITES_ENABLED_DIRECTIVES', value: ['redirect'] })
    expect(await refusal(blog('https://blog.example.org/'))).toEqual(['customUrl: enabled'])
    expect(await countRows(core, websites)).toBe(0)
  })

  it('refuses hostile URLs with a field error before any website is made', async () => {
    const hostile = [
      'https://blog.example.org/"a"',
      "https://blog.example.org/'",
      'https://blog.example.org/a b',
      'https://blog.example.org/#top',
      'https://blog.example.org/a\nb',
      'https://blog.example.org/\r\nHost: evil',
      'https://blog.example.org/a/../b',
      'https://blog.example.org/${HOME}',
      'https://blog example.org/',
    ]
    for (const url of hostile) {
      const issues = await refusal(blog(url))
      expect(issues.length, url).toBe(1)
      expect(issues[0], url).toMatch(/^customUrl: /)
    }
    expect(await countRows(core, websites)).toBe(0)
  })
})
