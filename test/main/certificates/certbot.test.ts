import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { certificateForWebsite } from '../../../src-main/data/certificates'
import { certificates } from '../../../src-main/db/schema'
import {
  startAcmeServer,
  startChallengeResponder,
  type AcmeServer,
} from '../../support/acme-server'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

/**
 * Issuing and renewing over ACME for real: certbot on a test SSH server asks Debian's pebble,
 * which checks the HTTP-01 challenge through nginx serving the website's document root in the
 * server's namespace. Nothing reaches the public ACME service.
 */
describe("Let's Encrypt certificates against pebble, through a real sshd", () => {
  let ssh: TestSshServer
  let acme: AcmeServer
  let core: TestCore
  let responder: { stop(): Promise<void> }
  let accountId: number
  let websiteId: number
  let bareWebsiteId: number
  let documentRoot: string
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'certbot-scripts-'))

  async function addWebsite(name: string, domainIds: number[], webappId?: number) {
    const created = await call('websites:create', {
      accountId,
      name,
      protocol: 'https',
      domainIds,
      contents: webappId ? [{ webappId, path: '/' }] : [],
    })
    return created.website.id
  }

  beforeAll(async () => {
    ;[ssh, acme] = await Promise.all([startSshServer(), startAcmeServer()])
    core = await makeCore()
    accountId = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
    const created = await call('domains:create', {
      name: 'example.org\nwww.example.org\nshop.example.org\nbare.example.org',
      accountId,
    })
    const domainId = (name: string) => created.find((d) => d.domain.name === name)!.domain.id
    const webapp = await call('webapps:create', { accountId, name: 'site', type: 'static' })
    const webappId = webapp.webapp.id
    documentRoot = webapp.documentRoot
    websiteId = await addWebsite(
      'main',
      [domainId('www.example.org'), domainId('example.org')],
      webappId,
    )
    bareWebsiteId = await addWebsite('bare', [domainId('bare.example.org')])
    ssh.exec(`mkdir -p ${documentRoot}`)

    const server = await addTestServer(core, ssh, 'web1')
    await call('routes:create', { backend: 'certbot-webroot', serverId: server.id, match: '' })
    await call('settings:update', { name: 'CERTIFICATES_ACME_DIRECTORY', value: acme.directoryUrl })
    await call('settings:update', { name: 'CERTIFICATES_CA_BUNDLE', value: acme.apiCaFile })
    responder = await startChallengeResponder(ssh, acme.httpPort, [
      { names: ['example.org', 'www.example.org'], root: documentRoot },
    ])
  }, 60_000)

  afterAll(async () => {
    await responder?.stop()
    await core?.dispose()
    await Promise.all([ssh?.stop(), acme?.stop()])
    rmSync(dir, { recursive: true, force: true })
  })

  async function logsOf(backend: string) {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const all = await Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
    return all.filter((log) => log.backend === backend)
  }

  /** What openssl says of a file the server holds, read from the test machine. */
  function x509(path: string, ...what: string[]): string {
    return execFileSync('openssl', ['x509', '-in', join(ssh.rootDir, path), '-noout', ...what], {
      encoding: 'utf8',
    })
  }

  const isoOf = (line: string) => new Date(line.split('=')[1]!.trim()).toISOString()

  it('issues a certificate for the website names from the web app at "/"', async () => {
    const offered = await call('certificates:forWebsite', { websiteId })
    expect(offered).toMatchObject({
      names: ['example.org', 'www.example.org'],
      webroot: documentRoot,
      blocker: null,
      certificate: null,
    })

    const issued = await call('certificates:issue', { websiteId })
    expect(issued).toMatchObject({
      status: 'issued',
      names: ['example.org', 'www.example.org'],
      lineage: '/etc/letsencrypt/live/example.org',
      lastError: '',
      due: false,
    })
    for (const file of ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']) {
      ssh.exec(`test -s /etc/letsencrypt/live/example.org/${file}`)
    }
    const cert = '/etc/letsencrypt/live/example.org/cert.pem'
    expect(issued.notBefore).toBe(isoOf(x509(cert, '-startdate')))
    expect(issued.notAfter).toBe(isoOf(x509(cert, '-enddate')))
    expect(x509(cert, '-ext', 'subjectAltName')).toMatch(/DNS:example\.org, DNS:www\.example\.org/)

    // Signed by this pebble's root, through the chain stored beside it.
    const root = join(dir, 'root.pem')
    writeFileSync(root, await acme.issuingRoot())
    const chain = join(ssh.rootDir, '/etc/letsencrypt/live/example.org/chain.pem')
    execFileSync('openssl', [
      'verify',
      '-CAfile',
      root,
      '-untrusted',
      chain,
      join(ssh.rootDir, cert),
    ])

    // The challenge files went, and so did the folders made for them.
    expect(ssh.exec(`ls -A ${documentRoot}`)).toBe('')

    const served = await core.store.read((tx) => certificateForWebsite(tx, websiteId))
    expect(served).toEqual({
      certificateId: issued.id,
      lineage: '/etc/letsencrypt/live/example.org',
      notAfter: issued.notAfter,
    })
    const logs = await logsOf('certbot-webroot')
    expect(logs.map((log) => log.state)).toEqual(['SUCCESS'])
    expect(logs[0]!.script).toContain('--server https://127.0.0.1:')
    expect(checkScripts(dir, { issue: logs[0]!.script })).toEqual([])

    const history = await call('history:list', { objectType: 'certificate', objectId: issued.id })
    expect(history.rows.map((entry) => entry.action).sort()).toEqual(['added', 'changed'])
  })

  it('renews only what is due, and a renewal is a new certificate', async () => {
    const before = (await call('certificates:list', {})).rows[0]!
    const serial = x509('/etc/letsencrypt/live/example.org/cert.pem', '-serial')

    const notDue = await call('certificates:renew', { dryRun: true })
    expect(notDue.due).toEqual([])
    // Pebble's certificates last years: a window wider than that makes this one due.
    await call('settings:update', { name: 'CERTIFICATES_RENEW_DAYS', value: 3650 })
    const dry = await call('certificates:renew', { dryRun: true })
    expect(dry.due.map((row) => row.id)).toEqual([before.id])
    expect(x509('/etc/letsencrypt/live/example.org/cert.pem', '-serial')).toBe(serial)

    const report = await call('certificates:renew', {})
    expect(report.failed).toEqual([])
    expect(report.renewed.map((row) => row.id)).toEqual([before.id])
    const renewedSerial = x509('/etc/letsencrypt/live/example.org/cert.pem', '-serial')
    expect(renewedSerial).not.toBe(serial)
    const after = report.renewed[0]!
    expect(after.lineage).toBe(before.lineage)
    expect(after.notAfter).toBe(isoOf(x509(after.lineage + '/cert.pem', '-enddate')))
    expect(after.notBefore! >= before.notBefore!).toBe(true)
    await call('settings:update', { name: 'CERTIFICATES_RENEW_DAYS', value: 30 })
  })

  it('refuses hostile and foreign names, with nothing stored and nothing run', async () => {
    const logsBefore = (await logsOf('certbot-webroot')).length
    const stored = await core.store.read((tx) => tx.select().from(certificates))
    const hostile = [
      'a.org; rm -rf /',
      '../etc.example.org',
      'ex ample.org',
      "o'neil.example.org",
      'a#b.example.org',
      'www.example.org\nid',
      'www.example.org\r\nHost: x',
      '*.example.org',
      '_acme.example.org',
      '-rf.example.org',
      '$(id).example.org',
    ]
    for (const name of hostile) {
      const error = await call('certificates:issue', { websiteId, names: [name] }).catch(
        (e: unknown) => e,
      )
      expect(error, name).toBeInstanceOf(AppError)
      expect((error as AppError).issues?.[0]?.field, name).toBe('names.0')
    }
    const foreign = await call('certificates:issue', {
      websiteId,
      names: ['example.org', 'shop.example.org'],
    }).catch((e: unknown) => e as AppError)
    expect((foreign as AppError).issues).toEqual([
      expect.objectContaining({ field: 'names.1', rule: 'website_domain' }),
    ])
    const twice = await call('certificates:issue', {
      websiteId,
      names: ['example.org', 'Example.ORG'],
    }).catch((e: unknown) => e as AppError)
    expect((twice as AppError).issues).toEqual([
      expect.objectContaining({ field: 'names.1', rule: 'unique' }),
    ])
    expect(await core.store.read((tx) => tx.select().from(certificates))).toEqual(stored)
    expect((await logsOf('certbot-webroot')).length).toBe(logsBefore)
  })

  it('refuses a website without a web app at "/" and says why', async () => {
    const offered = await call('certificates:forWebsite', { websiteId: bareWebsiteId })
    expect(offered.blocker).toMatch(/No web app is mounted at "\/"/)
    const error = await call('certificates:issue', { websiteId: bareWebsiteId }).catch(
      (e: unknown) => e as AppError,
    )
    expect((error as AppError).issues).toEqual([
      expect.objectContaining({ field: 'websiteId', rule: 'webroot' }),
    ])
    const rows = await core.store.read((tx) =>
      tx.select().from(certificates).where(eq(certificates.websiteId, bareWebsiteId)),
    )
    expect(rows).toEqual([])
  })

  it('keeps the certificate it has when a new issue fails, with the reason', async () => {
    // shop.example.org is a domain of the account but not of the site: add it to the site,
    // where nginx does not answer for it, so pebble's check gets a 404.
    const [shop] = (await call('domains:list', { q: 'shop' })).rows
    const site = await call('websites:get', { id: websiteId })
    const domainIds = site.domains.map((domain) => domain.id)
    await call('websites:update', {
      id: websiteId,
      version: site.website.version,
      domainIds: [...domainIds, shop!.id],
    })
    const failed = await call('certificates:issue', { websiteId })
    expect(failed.status).toBe('failed')
    expect(failed.names).toEqual(['example.org', 'shop.example.org', 'www.example.org'])
    expect(failed.lastError).toMatch(/shop\.example\.org/)
    expect(failed.lastError).toMatch(/404|unauthorized/i)
    const served = await core.store.read((tx) => certificateForWebsite(tx, websiteId))
    expect(served?.lineage).toBe('/etc/letsencrypt/live/example.org')
    expect(
      x509('/etc/letsencrypt/live/example.org/cert.pem', '-ext', 'subjectAltName'),
    ).not.toMatch(/shop/)
    const changed = await call('websites:get', { id: websiteId })
    await call('websites:update', { id: websiteId, version: changed.website.version, domainIds })
  })

  it("the site's nginx server block takes the issued files, which nginx -t accepts", async () => {
    const routes = await call('routes:list', {})
    await call('routes:create', { backend: 'nginx-website', serverId: routes[0]!.serverId })
    // The route comes after the issue, so the site is sent by a change of its own.
    const site = await call('websites:get', { id: websiteId })
    // The challenge responder is an nginx too, which the backend would take for the server's
    // own and reload; no challenge is answered from here on.
    await responder.stop()
    await call('websites:update', {
      id: websiteId,
      version: site.website.version,
      protocol: 'https-only',
    })
    const config = ssh.exec(`cat /etc/nginx/sites-available/${site.uniqueName}.conf`)
    expect(config).toContain('/etc/letsencrypt/live/example.org/fullchain.pem')
    expect(config).toContain('/etc/letsencrypt/live/example.org/privkey.pem')
    expect(ssh.exec('nginx -t 2>&1')).toMatch(/test is successful/)
    const [nginxLog] = await logsOf('nginx-website')
    expect(nginxLog?.state).toBe('SUCCESS')
    expect(nginxLog?.stderr).toBe('nginx is not running here: reload skipped\n')
  })

  it('deletes the lineage on the server with the certificate, revoking nothing', async () => {
    const [row] = (await call('certificates:list', {})).rows
    expect(await call('certificates:delete', { id: row!.id })).toEqual({ deleted: 1 })
    expect(ssh.exec('ls -A /etc/letsencrypt/live /etc/letsencrypt/renewal')).not.toMatch(
      /example\.org/,
    )
    const logs = await logsOf('certbot-webroot')
    expect(logs.at(-1)!.state).toBe('SUCCESS')
    expect(logs.at(-1)!.script).toContain('delete --non-interactive')
    expect(checkScripts(dir, { delete: logs.at(-1)!.script })).toEqual([])
    expect(await core.store.read((tx) => certificateForWebsite(tx, websiteId))).toBeNull()
  })
})
