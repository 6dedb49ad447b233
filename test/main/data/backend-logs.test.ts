import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backendLogs, backendOperations, certificates, websites } from '../../../src-main/db/schema'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

/** The logs list narrowed to one object, as an object's logs tab asks for it. */
describe('listLogs by object', () => {
  let core: TestCore
  let accountId: number
  const call = caller(() => core)

  async function website(name: string) {
    const [site] = await core.store.write((tx) =>
      tx.insert(websites).values({ name, accountId }).returning(),
    )
    return site!.id
  }

  async function certificate(websiteId: number, names: string) {
    const [row] = await core.store.write((tx) =>
      tx.insert(certificates).values({ websiteId, names, status: 'issued' }).returning(),
    )
    return row!.id
  }

  /** A finished log of `backend` carrying one operation on the object. */
  async function logFor(backend: string, objectType: string, objectId: number) {
    const now = new Date().toISOString()
    return core.store.write(async (tx) => {
      const [log] = await tx
        .insert(backendLogs)
        .values({
          backend,
          serverName: 'web1',
          serverAddress: '192.0.2.10',
          state: 'SUCCESS',
          script: 'true',
          runId: `run-${backend}-${objectId}`,
          actor: 'tester@ws1',
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      await tx.insert(backendOperations).values({
        logId: log!.id,
        backend,
        action: 'save',
        objectType,
        objectId,
        objectRepr: `${objectType} ${objectId}`,
        state: 'SUCCESS',
        runId: log!.runId,
        createdAt: now,
      })
      return log!.id
    })
  }

  beforeEach(async () => {
    core = await makeCore()
    accountId = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
  })
  afterEach(() => core.dispose())

  it("gives a website's logs with those of its certificate, newest first", async () => {
    const site = await website('shop')
    const certbot = await logFor('certbot-webroot', 'certificate', await certificate(site, 'a.b'))
    const nginx = await logFor('nginx-website', 'website', site)

    const page = await call('logs:list', { objectType: 'website', objectId: site })

    expect(page.rows.map((row) => row.id)).toEqual([nginx, certbot])
    expect(page.total).toBe(2)
    expect(page.rows[1]!.operations[0]).toMatchObject({ objectType: 'certificate' })
  })

  it("leaves out another website's certificate and other objects of the same id", async () => {
    const site = await website('shop')
    const other = await website('blog')
    await logFor('certbot-webroot', 'certificate', await certificate(other, 'blog.example.org'))
    const own = await logFor('nginx-website', 'website', site)
    // Ids repeat across tables: a system user numbered as the site is not the site.
    await logFor('unix-user', 'systemUser', site)

    const page = await call('logs:list', { objectType: 'website', objectId: site })

    expect(page.rows.map((row) => row.id)).toEqual([own])
  })

  it("gives a certificate's logs alone, without its website's", async () => {
    const site = await website('shop')
    const id = await certificate(site, 'shop.example.org')
    const certbot = await logFor('certbot-webroot', 'certificate', id)
    await logFor('nginx-website', 'website', site)

    const page = await call('logs:list', { objectType: 'certificate', objectId: id })

    expect(page.rows.map((row) => row.id)).toEqual([certbot])
  })
})
