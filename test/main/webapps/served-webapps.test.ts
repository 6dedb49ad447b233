import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadWebappObject } from '../../../src-main/orchestration/backends/webapp-objects'
import { loadServedWebapps } from '../../../src-main/orchestration/backends/webapp-runtime'
import { webappOptions, webapps } from '../../../src-main/db/schema'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

describe('loadServedWebapps', () => {
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

  async function addApp(
    name: string,
    type: string,
    runtime = '',
    options: Record<string, string> = {},
  ): Promise<number> {
    return core.store.write(async (tx) => {
      const [row] = await tx
        .insert(webapps)
        .values({ name, type, accountId: joe, runtime })
        .returning({ id: webapps.id })
      for (const [optionName, value] of Object.entries(options)) {
        await tx.insert(webappOptions).values({ webappId: row!.id, name: optionName, value })
      }
      return row!.id
    })
  }
  const served = (ids: number[]) => core.store.read((tx) => loadServedWebapps(tx, ids))

  it('gives an FPM app its pool socket, CGI user and public root', async () => {
    const id = await addApp('blog', 'php', '8.2-fpm', { 'public-root': 'public', timeout: '60' })
    const app = (await served([id])).get(id)
    expect(app).toEqual({
      id,
      name: 'blog',
      type: 'php',
      accountId: joe,
      user: 'joe',
      group: 'joe',
      home: '/home/joe',
      runAs: 'joe-cgi',
      runAsGroup: 'joe-cgi',
      appDir: '/home/joe/webapps/blog',
      documentRoot: '/home/joe/webapps/blog/public',
      runtime: { kind: 'fpm', listen: 'unix:/run/php/php8.2-joe-blog.sock', phpVersion: '8.2' },
      uploadDirs: [],
      timeoutSeconds: 60,
    })
  })

  it('gives a CGI app its wrapper and FcgidCmdOptions file', async () => {
    const id = await addApp('shop', 'php', '8.2-cgi')
    const app = (await served([id])).get(id)!
    expect(app.runtime).toEqual({
      kind: 'fcgid',
      wrapper: '/var/www/fcgi-bin.d/joe/shop-wrapper',
      phpVersion: '8.2',
      cmdOptionsFile: '/etc/apache2/fcgid-conf/joe-shop.conf',
    })
    expect(app.timeoutSeconds).toBe(30)
  })

  it('gives static, Python and WordPress apps their shapes, and skips unknown ids', async () => {
    const files = await addApp('files', 'static')
    const api = await addApp('api', 'python', '3-uwsgi', { timeout: '90' })
    const wp = await addApp('wp', 'wordpress-php', '8.2-fpm')
    const apps = await served([files, api, wp, 999])
    expect([...apps.keys()]).toEqual([files, api, wp])
    expect(apps.get(files)).toMatchObject({ runtime: { kind: 'static' }, timeoutSeconds: null })
    expect(apps.get(api)).toMatchObject({
      runtime: { kind: 'uwsgi', socket: '/run/uwsgi/app/joe-api/socket' },
      timeoutSeconds: 90,
    })
    expect(apps.get(wp)?.uploadDirs).toEqual(['wp-content/uploads'])
  })

  it('follows the path templates of the settings', async () => {
    await call('settings:update', { name: 'WEBAPPS_BASE_DIR', value: '/srv/%(user)s/%(app_name)s' })
    await call('settings:update', { name: 'WEBAPPS_FPM_LISTEN', value: '127.0.0.1:5%(app_id)04d' })
    const id = await addApp('blog', 'php', '8.2-fpm')
    const app = (await served([id])).get(id)!
    expect(app.appDir).toBe('/srv/joe/blog')
    expect(app.runtime).toMatchObject({ listen: `127.0.0.1:5${String(id).padStart(4, '0')}` })
  })

  it('shares one pool among an account’s PHP apps when merging, options merged', async () => {
    await call('settings:update', { name: 'WEBAPPS_MERGE_PHP_WEBAPPS', value: true })
    const blog = await addApp('blog', 'php', '8.2-fpm', { memory_limit: '128M', timeout: '20' })
    const shop = await addApp('shop', 'php', '8.2-fpm', { memory_limit: '256M' })
    const alone = await addApp('old', 'php', '8.2-cgi')
    const objects = await core.store.read(async (tx) => ({
      blog: await loadWebappObject(tx, blog),
      shop: await loadWebappObject(tx, shop),
      alone: await loadWebappObject(tx, alone),
    }))
    const shared = '/etc/php/8.2/fpm/pool.d/joe-_php82.conf'
    expect(objects.blog!.php!.files).toMatchObject({ kind: 'fpm', pool: shared })
    expect(objects.shop!.php!.files).toMatchObject({ kind: 'fpm', pool: shared })
    expect(objects.shop!.options).toEqual([
      { name: 'memory_limit', value: '256M' },
      { name: 'timeout', value: '20' },
    ])
    // A sibling still uses the shared pool: neither removes it, as stale or on delete.
    expect(objects.blog!.ownFiles.map((file) => file.path)).not.toContain(shared)
    expect(objects.alone!.staleFiles.map((file) => file.path)).not.toContain(shared)
    expect(objects.alone!.php!.files).toMatchObject({
      wrapper: '/var/www/fcgi-bin.d/joe/_php82-wrapper',
    })
  })

  it('refuses a TCP port past 65535 instead of writing it', async () => {
    await call('settings:update', { name: 'WEBAPPS_FPM_LISTEN', value: '127.0.0.1:5%(app_id)04d' })
    await core.store.write((tx) =>
      tx
        .insert(webapps)
        .values({ id: 10000, name: 'big', type: 'php', accountId: joe, runtime: '8.2-fpm' }),
    )
    await expect(served([10000])).rejects.toThrow(
      'WEBAPPS_FPM_LISTEN gives app 10000 the port 510000',
    )
  })
})
