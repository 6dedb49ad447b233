import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startAcmeServer, startChallengeResponder, type AcmeServer } from '../support/acme-server'
import {
  expect,
  expectPageReady,
  saveScreenshot,
  test,
  expectNotification as expectShown,
} from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'

const expectNotification = (page: Page, text: string | RegExp) =>
  expectShown(page, text, { timeout: 30_000 })

// Certificates end to end: a website's certificate issued over ACME from a local pebble (never
// the public service) by certbot on a test SSH server, then listed by expiry, renewed from the
// list and from its card, and deleted, with its files checked on the server each time.

const sshServer = useSshServerAndKeychain()
let acme: AcmeServer
let responder: { stop(): Promise<void> } | undefined
const ROOT = '/home/ana/webapps/site'
const LINEAGE = '/etc/letsencrypt/live/example.org'

test.beforeAll(async () => {
  acme = await startAcmeServer()
})
test.afterAll(async () => {
  await responder?.stop()
  await acme?.stop()
})

function serial(): string {
  const file = join(sshServer().rootDir, LINEAGE, 'cert.pem')
  return execFileSync('openssl', ['x509', '-in', file, '-noout', '-serial'], { encoding: 'utf8' })
}

test('a website certificate is issued from pebble, listed, renewed and deleted', async ({
  app: page,
  api,
}, testInfo) => {
  test.setTimeout(120_000)
  const ssh = sshServer()
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })

  // The operator's set-up, through the API: server, route, settings, and the site itself.
  const key = await api.call('keys:import', { label: 'web1', privateKey: ssh.clientKey.privateKey })
  const server = await api.call('servers:create', {
    name: 'web1',
    address: ssh.address,
    sshPort: ssh.port,
    keyId: key.id,
  })
  const scan = await api.call('servers:scanHostKey', { id: server.id })
  await api.call('servers:acceptHostKey', { id: server.id, fingerprint: scan.fingerprint })
  await api.call('routes:create', { backend: 'certbot-webroot', serverId: server.id, match: '' })
  await api.call('settings:update', {
    name: 'CERTIFICATES_ACME_DIRECTORY',
    value: acme.directoryUrl,
  })
  await api.call('settings:update', { name: 'CERTIFICATES_CA_BUNDLE', value: acme.apiCaFile })
  const { account } = await api.call('accounts:create', {
    username: 'ana',
    fullName: 'Ana Puig',
    email: 'ana@example.net',
    contacts: [{ shortName: 'Ana', email: 'ana@example.net' }],
  })
  const domains = await api.call('domains:create', {
    name: 'example.org\nwww.example.org',
    accountId: account.id,
  })
  const webapp = await api.call('webapps:create', {
    accountId: account.id,
    name: 'site',
    type: 'static',
  })
  const website = await api.call('websites:create', {
    accountId: account.id,
    name: 'main',
    protocol: 'https',
    domainIds: domains.map((d) => d.domain.id),
    contents: [{ webappId: webapp.webapp.id, path: '/' }],
  })
  expect(webapp.documentRoot).toBe(ROOT)
  ssh.exec(`mkdir -p ${ROOT}`)
  responder = await startChallengeResponder(ssh, acme.httpPort, [
    { names: ['example.org', 'www.example.org'], root: ROOT },
  ])

  await test.step('the list starts empty and says where certificates come from', async () => {
    await nav.getByRole('link', { name: 'Certificates' }).click()
    await expect(main.getByRole('heading', { name: 'Certificates', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No certificates yet')).toBeVisible()
  })

  const issued = await api.call('certificates:issue', { websiteId: website.website.id })
  expect(issued.status).toBe('issued')
  const first = serial()

  await test.step('lists the certificate with its website, status and expiry', async () => {
    await page.reload()
    await expect(main.getByRole('heading', { name: 'Certificates', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const row = main.getByRole('row').filter({ hasText: 'example.org' })
    await expect(row).toContainText('main')
    await expect(row).toContainText('ana')
    await expect(row).toContainText('Issued')
    await expect(row).not.toContainText('Due')
    await expect(main.getByRole('button', { name: 'Renew due' })).toBeDisabled()
    await main.getByRole('button', { name: 'Expires' }).click()
    await expect(page).toHaveURL(/sort=notAfter&dir=desc/)
    await saveScreenshot(page, 'certificates-list', testInfo)
  })

  await test.step("the website's page shows the same certificate on its card", async () => {
    await main
      .getByRole('row')
      .filter({ hasText: 'example.org' })
      .getByRole('link', { name: 'main' })
      .click()
    await expect(main.getByRole('heading', { name: 'main', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const card = main.getByLabel('Certificate', { exact: true })
    await expect(card).toContainText('Issued')
    await expect(card).toContainText(LINEAGE)
    await expect(card).toContainText('Renew now asks again for the same names')
    await card.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'certificate-website-card', testInfo)
  })

  await test.step("the website's logs tab has the certbot run, linked to its log", async () => {
    await main.getByRole('tab', { name: 'Server logs' }).click()
    const logs = main.getByRole('region', {
      name: 'Operations on this website and its certificate',
    })
    const row = logs.getByRole('row').filter({ hasText: "Let's Encrypt (certbot, webroot)" })
    await expect(row).toHaveCount(1)
    await expect(row).toContainText('Success')
    await saveScreenshot(page, 'website-logs-with-certificate', testInfo)
    await row.getByRole('link', { name: /^Log \d+$/ }).click()
    await expect(main.getByRole('heading', { name: /^Log #\d+$/, level: 2 })).toBeVisible()
    await expect(main.getByText("Let's Encrypt (certbot, webroot) on web1")).toBeVisible()
    await nav.getByRole('link', { name: 'Certificates' }).click()
    await expect(main.getByRole('heading', { name: 'Certificates', level: 2 })).toBeVisible()
  })

  await test.step('a wider renewal window makes it due; Renew due issues a new one', async () => {
    await api.call('settings:update', { name: 'CERTIFICATES_RENEW_DAYS', value: 3650 })
    await page.reload()
    await expectPageReady(page)
    const row = main.getByRole('row').filter({ hasText: 'example.org' })
    await expect(row).toContainText('Due')
    await saveScreenshot(page, 'certificates-list-due', testInfo)
    await main.getByRole('button', { name: 'Renew due' }).click()
    const dialog = page.getByRole('dialog', { name: 'Renew the certificates due' })
    await expect(dialog).toContainText('1 certificate ends within the renewal window')
    await dialog.getByRole('button', { name: 'Renew due' }).click()
    await expectNotification(page, 'Renewed 1, failed 0')
    expect(serial()).not.toBe(first)
    await api.call('settings:update', { name: 'CERTIFICATES_RENEW_DAYS', value: 30 })
  })

  await test.step('its page shows the card: names, files, and Renew now', async () => {
    await page.reload()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'example.org', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'example.org', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const card = main.getByLabel('Certificate', { exact: true })
    await expect(card).toContainText('example.org www.example.org')
    await expect(card).toContainText(LINEAGE)
    await saveScreenshot(page, 'certificate-card', testInfo)
    const before = serial()
    await card.getByRole('button', { name: 'Renew now' }).click()
    await expectNotification(page, 'Certificate of example.org renewed')
    expect(serial()).not.toBe(before)
    await main.getByRole('tab', { name: 'History' }).click()
    await expect(main.getByText('Renewal asked').first()).toBeVisible()
  })

  await test.step('deleting it deletes its lineage on the server', async () => {
    await main.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete the certificate of example.org?' })
    await dialog.getByRole('button', { name: 'Delete certificate' }).click()
    await expectNotification(page, 'Certificate of example.org deleted')
    await expect(main.getByRole('heading', { name: 'Certificates', level: 2 })).toBeVisible()
    expect(ssh.exec('ls -A /etc/letsencrypt/live')).not.toContain('example.org')
  })
})
