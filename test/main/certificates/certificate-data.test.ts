import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { renewCertificatesCommand } from '../../../src-main/cli/renew-certificates'
import { websitesOfCertificate } from '../../../src-main/data/certificates'
import {
  certificates,
  historyEntries,
  webapps,
  websiteContents,
  websiteDomains,
  websites,
} from '../../../src-main/db/schema'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { TEST_DIALECT } from '../../support/databases'

const DAY = 86_400_000

/**
 * Certificates as data: the list by expiry, what is due, the account's services and what an
 * issue does when no server takes it. No ACME here (see certbot.test.ts).
 */
describe('certificates data', () => {
  let core: TestCore
  let accountId: number
  const call = caller(() => core)

  async function website(name: string, domainNames: string[], withApp = true) {
    const created = await call('domains:create', { name: domainNames.join('\n'), accountId })
    return core.store.write(async (tx) => {
      const [site] = await tx.insert(websites).values({ name, accountId }).returning()
      for (const { domain } of created) {
        await tx.insert(websiteDomains).values({ websiteId: site!.id, domainId: domain.id })
      }
      if (withApp) {
        const [app] = await tx
          .insert(webapps)
          .values({ name: `${name}-app`, type: 'static', accountId })
          .returning()
        await tx
          .insert(websiteContents)
          .values({ websiteId: site!.id, webappId: app!.id, path: '/' })
      }
      return site!.id
    })
  }

  /** A certificate as the servers left it: issued `ago` days back, ending in `left` days. */
  async function issued(websiteId: number, names: string, left: number) {
    const now = Date.now()
    const [row] = await core.store.write((tx) =>
      tx
        .insert(certificates)
        .values({
          websiteId,
          names,
          status: 'issued',
          lineage: `/etc/letsencrypt/live/${names.split(' ')[0]}`,
          notBefore: new Date(now - 60 * DAY).toISOString(),
          notAfter: new Date(now + left * DAY).toISOString(),
        })
        .returning(),
    )
    return row!.id
  }

  const certificateRows = () =>
    core.store.read((tx) => tx.select().from(certificates).orderBy(certificates.id))

  beforeEach(async () => {
    core = await makeCore()
    accountId = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await core.dispose()
  })

  it('lists soonest expiry first, marks the due ones, finds by name or website', async () => {
    const late = await issued(await website('late', ['late.example.org']), 'late.example.org', 80)
    const soon = await issued(await website('soon', ['soon.example.org']), 'soon.example.org', 5)
    const gone = await issued(await website('gone', ['gone.example.org']), 'gone.example.org', -2)

    const list = await call('certificates:list', {})
    expect(list.rows.map((row) => [row.id, row.due, row.expired, row.daysLeft])).toEqual([
      [gone, true, true, -2],
      [soon, true, false, 4],
      [late, false, false, 79],
    ])
    const byName = await call('certificates:list', { sort: 'name', dir: 'desc' })
    expect(byName.rows.map((row) => row.names[0])).toEqual([
      'soon.example.org',
      'late.example.org',
      'gone.example.org',
    ])
    const due = await call('certificates:list', { dueOnly: true })
    expect(due.rows.map((row) => row.id)).toEqual([gone, soon])
    expect((await call('certificates:list', { q: 'SOON' })).rows.map((row) => row.id)).toEqual([
      soon,
    ])
    expect((await call('certificates:list', { q: 'ana late' })).total).toBe(1)

    // The window is a setting: 90 days takes all three.
    await call('settings:update', { name: 'CERTIFICATES_RENEW_DAYS', value: 90 })
    const dry = await call('certificates:renew', { dryRun: true })
    expect(dry.due.map((row) => row.id)).toEqual([gone, soon, late])
    expect(dry.renewed).toEqual([])
  })

  it('tells a website page what it can have, wildcards and blockers included', async () => {
    const site = await website('shop', ['shop.example.org', '*.shop.example.org'])
    const bare = await website('bare', ['bare.example.org'], false)
    const offered = await call('certificates:forWebsite', { websiteId: site })
    expect(offered).toMatchObject({
      names: ['shop.example.org'],
      wildcards: ['*.shop.example.org'],
      webroot: '/home/ana/webapps/shop-app',
      blocker: null,
      certificate: null,
    })
    expect((await call('certificates:forWebsite', { websiteId: bare })).blocker).toMatch(
      /No web app is mounted at "\/"/,
    )
    await call('accounts:setActive', { ids: [accountId], active: false })
    expect((await call('certificates:forWebsite', { websiteId: site })).blocker).toMatch(/disabled/)
    const refused = await call('certificates:issue', { websiteId: site }).catch(
      (error: unknown) => error as AppError,
    )
    expect((refused as AppError).issues).toEqual([
      expect.objectContaining({ field: 'websiteId', rule: 'inactive' }),
    ])
  })

  it('fails an issue no route takes, saying so, and keeps the request', async () => {
    const site = await website('shop', ['shop.example.org', '*.shop.example.org'])
    const result = await call('certificates:issue', {
      websiteId: site,
      names: ['shop.example.org', 'api.shop.example.org'],
    })
    expect(result).toMatchObject({
      status: 'failed',
      names: ['shop.example.org', 'api.shop.example.org'],
      lineage: '',
      notAfter: null,
      lastError: 'Nothing ran: no route sends certbot-webroot to a server',
    })
    const deep = await call('certificates:issue', {
      websiteId: site,
      names: ['a.api.shop.example.org'],
    }).catch((error: unknown) => error as AppError)
    expect((deep as AppError).issues).toEqual([
      expect.objectContaining({ field: 'names.0', rule: 'website_domain' }),
    ])
  })

  it("is one of the account's services and goes with it, history kept", async () => {
    const site = await website('shop', ['shop.example.org'])
    const id = await issued(site, 'shop.example.org www.shop.example.org', 40)
    expect(await core.store.read((tx) => websitesOfCertificate(tx, id))).toEqual([site])
    const detail = await call('accounts:get', { id: accountId })
    expect(detail.services).toContainEqual({
      kind: 'certificate',
      id,
      name: 'shop.example.org',
      isActive: true,
    })

    await call('accounts:delete', { id: accountId })
    expect(await core.store.read((tx) => tx.select().from(certificates))).toEqual([])
    const [entry] = await core.store.read((tx) =>
      tx.select().from(historyEntries).where(eq(historyEntries.objectType, 'certificate')),
    )
    expect(entry).toMatchObject({
      objectId: id,
      action: 'deleted',
      message: 'Deleted with account ana',
    })
    // A deleted certificate still names its website, from the snapshot of its deletion.
    expect(
      await core.store.read((tx) => websitesOfCertificate(tx, id, { websiteId: site })),
    ).toEqual([site])
  })

  it('goes with its website, or when the website is left with no domain', async () => {
    const shop = await website('shop', ['shop.example.org'])
    const shopCert = await issued(shop, 'shop.example.org', 40)
    const blog = await website('blog', ['blog.example.org'])
    const blogCert = await issued(blog, 'blog.example.org', 40)
    const { version } = (await call('websites:get', { id: blog })).website

    await call('websites:update', { id: blog, version, domainIds: [] })
    await call('websites:delete', { ids: [shop] })

    expect(await core.store.read((tx) => tx.select().from(certificates))).toEqual([])
    const entries = await core.store.read((tx) =>
      tx
        .select()
        .from(historyEntries)
        .where(eq(historyEntries.objectType, 'certificate'))
        .orderBy(historyEntries.id),
    )
    expect(entries.map((entry) => [entry.objectId, entry.action, entry.message])).toEqual([
      [blogCert, 'deleted', 'Website blog has no domain left'],
      [shopCert, 'deleted', ''],
    ])
  })

  it('goes when the domains page deletes the last domain of its website', async () => {
    const shop = await website('shop', ['example.org', 'shop.example.org', 'shop.example.net'])
    const shopCert = await issued(shop, 'shop.example.org shop.example.net', 40)
    const blog = await website('blog', ['blog.example.com'])
    const blogCert = await issued(blog, 'blog.example.com', 40)
    const [net] = (await call('domains:list', { q: 'shop.example.net' })).rows
    const [org] = (await call('domains:list', { q: 'example.org' })).rows.filter(
      (row) => row.name === 'example.org',
    )
    const [com] = (await call('domains:list', { q: 'blog.example.com' })).rows

    // One domain of two sites' worth: the site still has a name for its certificate.
    await call('domains:delete', { id: net!.id })
    expect((await certificateRows()).map((row) => row.id)).toEqual([shopCert, blogCert])

    // A top domain takes its subdomain, the site's last: the certificate goes with them.
    await call('domains:delete', { id: org!.id })
    await call('domains:deleteMany', { ids: [com!.id] })
    expect(await certificateRows()).toEqual([])
    const entries = await core.store.read((tx) =>
      tx
        .select()
        .from(historyEntries)
        .where(eq(historyEntries.objectType, 'certificate'))
        .orderBy(historyEntries.id),
    )
    expect(entries.map((entry) => [entry.objectId, entry.action, entry.message])).toEqual([
      [shopCert, 'deleted', 'Website shop has no domain left'],
      [blogCert, 'deleted', 'Website blog has no domain left'],
    ])
    const sites = await core.store.read((tx) => tx.select().from(websites))
    expect(sites.map((site) => site.name).sort()).toEqual(['blog', 'shop'])
  })

  it('renews the names the website still has, and fails one left with none', async () => {
    const shop = await website('shop', ['shop.example.org'])
    const kept = await issued(shop, 'shop.example.org old.shop.example.org', 10)
    const other = await website('other', ['other.example.org'])
    const orphan = await issued(other, 'gone.example.org', 10)
    const report = await call('certificates:renew', { ids: [kept, orphan] })
    expect(report.renewed).toEqual([])
    expect(report.failed.map((row) => [row.id, row.names, row.lastError])).toEqual([
      [kept, ['shop.example.org'], 'Nothing ran: no route sends certbot-webroot to a server'],
      [
        orphan,
        ['gone.example.org'],
        'The website has none of the names of this certificate any more',
      ],
    ])
    // A failed renewal keeps what the files hold: the site still serves it.
    expect(report.failed.every((row) => row.lineage && row.notAfter)).toBe(true)
  })

  it.skipIf(TEST_DIALECT === 'postgres')(
    'orchestra renew-certificates --dry-run lists what is due and changes nothing',
    async () => {
      const id = await issued(await website('soon', ['soon.example.org']), 'soon.example.org', 3)
      const printed: string[] = []
      vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
        printed.push(String(text))
        return true
      })
      const code = await renewCertificatesCommand({
        dataDir: core.dataDir,
        database: core.info.database.location,
        dryRun: true,
      })
      vi.restoreAllMocks()
      expect(code).toBe(0)
      expect(printed.join('')).toMatch(/^due: soon\.example\.org \(soon, ana\) ends 20\d\d-/)
      const [row] = await core.store.read((tx) =>
        tx.select().from(certificates).where(eq(certificates.id, id)),
      )
      expect(row!.status).toBe('issued')
    },
  )
})
