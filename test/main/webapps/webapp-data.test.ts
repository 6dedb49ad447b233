import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sqlDatabases, sqlUsers, webapps } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

describe('web app data', () => {
  let core: TestCore
  let joe: number
  const call = caller(() => core)

  beforeEach(async () => {
    core = await makeCore()
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  })
  afterEach(async () => {
    await core.dispose()
  })

  const create = (input: Partial<Parameters<typeof call<'webapps:create'>>[1]> = {}) =>
    call('webapps:create', { accountId: joe, name: 'blog', type: 'php', ...input })
  /** The field issues of a refused call, as `field rule`. */
  async function refusal(promise: Promise<unknown>): Promise<string[]> {
    const error = (await promise.then(
      () => undefined,
      (e: unknown) => e,
    )) as { issues?: { field: string; rule?: string }[] } | undefined
    expect(error).toBeDefined()
    return (error!.issues ?? []).map((issue) => `${issue.field} ${issue.rule}`)
  }

  it('creates a PHP app on the default version with its computed values', async () => {
    const detail = await create({ options: [{ name: 'timeout', value: '60' }] })
    expect(detail.webapp).toMatchObject({ name: 'blog', type: 'php', runtime: '8.2-fpm' })
    expect(detail.appDir).toBe('/home/joe/webapps/blog')
    expect(detail.runtimeFiles).toEqual(['/etc/php/8.2/fpm/pool.d/joe-blog.conf'])
    expect(detail.phpIni).toContainEqual({ name: 'max_execution_time', value: '58' })
  })

  it('refuses a second blog of joe, and accepts one of ann', async () => {
    await create()
    expect(await refusal(create())).toEqual(['name unique'])
    const ann = (await call('accounts:create', accountInput({ username: 'ann' }))).account.id
    await expect(create({ accountId: ann })).resolves.toBeDefined()
  })

  it('refuses bad names: dot-only, leading dash, uppercase, spaces', async () => {
    for (const name of ['..', '-rf', 'Blog', 'my blog', '.hidden', 'a/b']) {
      expect(await refusal(create({ name }))).toEqual(['name pattern'])
    }
  })

  it('checks options by rule, group, version and place, naming each field', async () => {
    const options = [
      { name: 'memory_limit', value: '1G' },
      { name: 'public-root', value: '../../etc' },
      { name: 'magic_quotes_gpc', value: 'On' },
      { name: 'timeout', value: '1000' },
    ]
    expect(await refusal(create({ options }))).toEqual([
      'options.0.value pattern',
      'options.1.value dot_segment',
      'options.2.value deprecated',
      'options.3.value pattern',
    ])
    const staticOptions = [{ name: 'memory_limit', value: '128M' }]
    expect(await refusal(create({ type: 'static', options: staticOptions }))).toEqual([
      'options.0.name option',
    ])
    expect(await refusal(create({ options: [{ name: 'x', value: 'a\nb' }] }))).toEqual([
      'options.0.value control_character',
    ])
    expect(await countRows(core, webapps)).toBe(0)
  })

  it('gives public-root under the folder', async () => {
    const detail = await create({ options: [{ name: 'public-root', value: 'public' }] })
    expect(detail.documentRoot).toBe('/home/joe/webapps/blog/public')
  })

  it('refuses a version the settings do not offer, and a runtime on a static app', async () => {
    expect(await refusal(create({ runtime: '5.6-fpm' }))).toEqual(['runtime choice'])
    expect(await refusal(create({ type: 'static', runtime: '8.2-fpm' }))).toEqual(['runtime none'])
  })

  it('keeps a symbolic link inside the home', async () => {
    expect(await refusal(create({ type: 'symbolic-link' }))).toEqual(['linkTarget required'])
    const outside = create({ type: 'symbolic-link', linkTarget: '/etc' })
    expect(await refusal(outside)).toEqual(['linkTarget inside'])
    const climbing = create({ type: 'symbolic-link', linkTarget: '/home/joe/../ann' })
    expect(await refusal(climbing)).toEqual(['linkTarget dot_segment'])
    const link = await create({ type: 'symbolic-link', linkTarget: '/home/joe/site' })
    expect(link.webapp.linkTarget).toBe('/home/joe/site')
  })

  it('gives a WordPress app its database and user, and deletes them with it', async () => {
    const detail = await create({ type: 'wordpress-php' })
    expect(detail.database?.name).toBe('wp_blog_joe')
    expect(detail.sqlUser?.username).toBe('wp_blog_joe')
    const [user] = await core.store.read((tx) => tx.select().from(sqlUsers))
    // Only the server's hash is kept, never the password.
    expect(user!.passwordHash).toMatch(/^\*[0-9A-F]{40}$/)
    expect(await refusal(create({ type: 'wordpress-php', name: 'blog' }))).toEqual(['name unique'])
    await call('webapps:delete', { ids: [detail.webapp.id] })
    expect(await countRows(core, sqlDatabases)).toBe(0)
    expect(await countRows(core, sqlUsers)).toBe(0)
  })

  it('reports a CMS database clash on the app name', async () => {
    await call('sqlDatabases:create', {
      name: 'wp_news_joe',
      accountId: joe,
      newUser: { username: 'someone', password: 'secret-password' },
    })
    expect(await refusal(create({ type: 'wordpress-php', name: 'news' }))).toEqual([
      'name database',
    ])
    expect(await countRows(core, webapps)).toBe(0)
  })

  it('changes version and options with history, and refuses a stale version', async () => {
    const { webapp } = await create()
    const updated = await call('webapps:update', {
      id: webapp.id,
      version: webapp.version,
      runtime: '8.2-cgi',
      options: [{ name: 'processes', value: '5' }],
    })
    expect(updated.webapp).toMatchObject({ runtime: '8.2-cgi', version: 2 })
    expect(updated.runtimeFiles).toEqual([
      '/var/www/fcgi-bin.d/joe/blog-wrapper',
      '/etc/apache2/fcgid-conf/joe-blog.conf',
    ])
    const stale = call('webapps:update', { id: webapp.id, version: 1, options: [] })
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' })
    const history = await call('history:list', { objectType: 'webapp', objectId: webapp.id })
    expect(history.rows.map((row) => row.action).sort()).toEqual(['added', 'changed'])
  })

  it('lists the apps with the account, and goes with the account', async () => {
    await create()
    await create({ name: 'files', type: 'static' })
    const page = await call('webapps:list', { accountId: joe })
    expect(page.rows.map((row) => [row.name, row.accountUsername])).toEqual([
      ['blog', 'joe'],
      ['files', 'joe'],
    ])
    await call('accounts:delete', { id: joe })
    expect(await countRows(core, webapps)).toBe(0)
  })

  it('is found in the palette by name, with its account', async () => {
    await create({ name: 'shop-blog' })
    const hits = await call('search:global', { q: 'shop-bl', limit: 50 })
    expect(hits.filter((hit) => hit.objectType === 'webapp')).toMatchObject([
      { title: 'shop-blog', subtitle: 'joe' },
    ])
  })
})
