import type { Locator, Page } from '@playwright/test'
import { startAcmeServer, type AcmeServer } from '../support/acme-server'
import type { TestSshServer } from '../support/ssh-server'
import {
  expect,
  expectPageReady,
  saveScreenshot,
  test,
  type BridgeApi,
  expectNotification as expectShown,
} from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'

// The catalogue as a new operator meets it in Chromium: an account's PHP web app, a website
// serving it through Apache and nginx at once, its certificate from a local ACME server, and a
// mailing list, each made on its page; then the files on a real test server are read back and
// checked by the tools that load them, and deleting each service takes its files away again.

const USER = 'baecker'
const DOMAIN = 'baecker.example.org'
const POOL = `/etc/php/8.2/fpm/pool.d/${USER}-shop.conf`
const DOCROOT = `/home/${USER}/webapps/shop`
const APACHE_SITE = `/etc/apache2/sites-available/${USER}-web.conf`
const APACHE_LINK = `/etc/apache2/sites-enabled/${USER}-web.conf`
const NGINX_SITE = `/etc/nginx/sites-available/${USER}-web.conf`
const NGINX_LINK = `/etc/nginx/sites-enabled/${USER}-web.conf`
const LINEAGE = `/etc/letsencrypt/live/${DOMAIN}`
const LIST = `${USER}-news@lists.orchestra.lan`
const LIST_ALIASES = '/etc/postfix/orchestra-lists'
/** Mailman and certbot answer in seconds each, more on a loaded machine. */
const SLOW = 90_000

const expectNotification = (page: Page, text: string | RegExp) =>
  expectShown(page, text, { timeout: SLOW })

const BACKENDS = [
  'unix-user',
  'webapp-php',
  'apache2-website',
  'nginx-website',
  'certbot-webroot',
  'mailman3',
]
/** The modules a web server of the catalogue has enabled (its administrator's set-up). */
const MODULES = 'proxy proxy_fcgi proxy_http proxy_uwsgi fcgid suexec ssl rewrite headers actions'

const sshServer = useSshServerAndKeychain()
let acme: AcmeServer

test.beforeAll(async () => {
  acme = await startAcmeServer()
  sshServer().exec(`a2enmod -q ${MODULES} >/dev/null`)
})
test.afterAll(async () => {
  await acme?.stop()
})
test.afterEach(() => {
  for (const list of mailman('lists --quiet').split('\n').filter(Boolean)) {
    mailman(`remove ${list}`)
  }
})

const mailman = (args: string) =>
  sshServer().exec(`cd / && runuser -u list -- /usr/bin/mailman ${args}`).trim()
const exists = (path: string) =>
  sshServer().exec(`test -e ${path} && echo yes || echo no`).trim() === 'yes'
const apacheCheck = () => sshServer().exec('apache2ctl -t 2>&1')
const nginxCheck = () => sshServer().exec('nginx -t 2>&1')

/** The server, its host key accepted, one route per backend, and the ACME server to ask. */
async function routeCatalogueTo(api: BridgeApi, ssh: TestSshServer) {
  const key = await api.call('keys:import', {
    label: 'web1-key',
    privateKey: ssh.clientKey.privateKey,
  })
  const server = await api.call('servers:create', {
    name: 'web1',
    address: ssh.address,
    sshPort: ssh.port,
    keyId: key.id,
  })
  const scan = await api.call('servers:scanHostKey', { id: server.id })
  await api.call('servers:acceptHostKey', { id: server.id, fingerprint: scan.fingerprint })
  for (const backend of BACKENDS) {
    await api.call('routes:create', { backend, serverId: server.id, match: 'true' })
  }
  await api.call('settings:update', {
    name: 'CERTIFICATES_ACME_DIRECTORY',
    value: acme.directoryUrl,
  })
  await api.call('settings:update', { name: 'CERTIFICATES_CA_BUNDLE', value: acme.apiCaFile })
}

/**
 * Answers pebble's HTTP-01 challenges from the web app's folder on the port pebble fetches
 * from, inside the server's namespace. Python's file server, not a second nginx: the
 * nginx-website backend reloads nginx whenever an nginx process runs there.
 */
async function answerChallenges(ssh: TestSshServer, port: number, root: string) {
  const pid = ssh
    .exec(
      `setsid python3 -m http.server --bind 127.0.0.1 --directory ${root} ${port} ` +
        `>/dev/null 2>&1 </dev/null & echo $!`,
    )
    .trim()
  await expect
    .poll(() =>
      ssh.exec(`curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:${port}/ || true`),
    )
    .toBe('200')
  return { stop: () => ssh.exec(`kill ${pid} || true`) }
}

async function pick(page: Page, combobox: Locator, typed: string, option: string) {
  await combobox.fill(typed)
  await page.getByRole('option', { name: option, exact: true }).click()
}

async function choose(page: Page, combobox: Locator, option: string) {
  await combobox.click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Every script so far ended well: a failed one fails the journey, naming its backend. */
async function expectAllLogsSucceeded(api: BridgeApi) {
  await expect
    .poll(async () => {
      const logs = await api.call('logs:list', { pageSize: 200 })
      return logs.rows.filter((row) => row.state !== 'SUCCESS').map((row) => row.backend)
    })
    .toEqual([])
}

test('an account’s web app, website, certificate and list reach a server, then leave it', async ({
  app: page,
  api,
}, testInfo) => {
  test.setTimeout(600_000)
  const ssh = sshServer()
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await routeCatalogueTo(api, ssh)

  await test.step('creates the account and gives it a domain', async () => {
    await nav.getByRole('link', { name: 'Accounts' }).click()
    await main.getByRole('link', { name: 'New account' }).first().click()
    const form = page.getByRole('form', { name: 'New account' })
    await form.getByRole('textbox', { name: 'Username', exact: true }).fill(USER)
    await form.getByRole('textbox', { name: 'Full name', exact: true }).fill('Bäckerei Korn')
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('info@korn.example')
    const contact = form.getByRole('group', { name: 'Contact 1' })
    await contact.getByRole('textbox', { name: 'Contact short name' }).fill('Jana')
    await contact.getByRole('textbox', { name: 'Contact email' }).fill('jana@korn.example')
    await form.getByRole('button', { name: 'Create account' }).click()
    await expect(main.getByRole('heading', { name: USER, level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, `Account ${USER} created`)

    await nav.getByRole('link', { name: 'Domains' }).click()
    await main.getByRole('link', { name: 'New domain' }).first().click()
    const domain = page.getByRole('form', { name: 'New domain' })
    await pick(page, domain.getByRole('combobox', { name: 'Account' }), 'baeck', USER)
    await domain.getByRole('textbox', { name: 'Names' }).fill(DOMAIN)
    const record = domain.getByRole('group', { name: 'Record 1' })
    await record.getByRole('textbox', { name: 'Value' }).fill('127.0.0.1')
    await domain.getByRole('button', { name: 'Create domains' }).click()
    await expect(main.getByRole('heading', { name: DOMAIN, level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectAllLogsSucceeded(api)
    expect(ssh.exec(`getent passwd ${USER}-cgi`)).toMatch(new RegExp(`^${USER}-cgi:`))
  })

  await test.step('creates a PHP web app on PHP-FPM: its pool passes php-fpm -t', async () => {
    await nav.getByRole('link', { name: 'Web apps', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Web apps', level: 2 })).toBeVisible()
    await main.getByRole('link', { name: 'New web app' }).first().click()
    const form = page.getByRole('form', { name: 'New web app' })
    await pick(page, form.getByRole('combobox', { name: 'Account' }), 'baeck', USER)
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('shop')
    await expect(form.getByRole('combobox', { name: 'Type' })).toHaveValue('PHP')
    await expect(form.getByRole('combobox', { name: 'Version' })).toHaveValue('8.2-fpm')
    await form.getByRole('button', { name: 'Create web app' }).click()
    await expect(main.getByRole('heading', { name: 'shop', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'Web app shop created')
    await expect(main.getByText(DOCROOT).first()).toBeVisible()
    await saveScreenshot(page, 'journey-webapp-page', testInfo, { fullPage: true })
    await expectAllLogsSucceeded(api)

    const pool = ssh.exec(`cat ${POOL}`)
    expect(pool).toContain(`[${USER}-shop]`)
    expect(pool).toContain(`user = "${USER}-cgi"`)
    expect(ssh.exec('php-fpm8.2 -t 2>&1')).toContain('test is successful')
    expect(exists(DOCROOT)).toBe(true)
  })

  await test.step('creates a website: the app at /, a redirect and an error page', async () => {
    await nav.getByRole('link', { name: 'Websites', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Websites', level: 2 })).toBeVisible()
    await main.getByRole('link', { name: 'New website' }).first().click()
    const form = page.getByRole('form', { name: 'New website' })
    await pick(page, form.getByRole('combobox', { name: 'Account' }), 'baeck', USER)
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('web')
    await choose(page, form.getByRole('combobox', { name: 'Protocol' }), 'HTTP and HTTPS')
    await choose(page, form.getByRole('combobox', { name: 'Domains' }), DOMAIN)
    await page.keyboard.press('Escape')
    await form.getByRole('button', { name: 'Mount a web app' }).click()
    const mount = form.getByRole('group', { name: 'Web app 1' })
    await mount.getByRole('textbox', { name: 'Path' }).fill('/')
    await choose(page, mount.getByRole('combobox', { name: 'Web app' }), 'shop (php)')
    await form.getByRole('button', { name: 'Add a directive' }).click()
    const redirect = form.getByRole('group', { name: 'Directive 1' })
    await redirect.getByRole('textbox', { name: 'Value' }).fill(`/alt https://${DOMAIN}/neu`)
    await form.getByRole('button', { name: 'Add a directive' }).click()
    const errorPage = form.getByRole('group', { name: 'Directive 2' })
    await choose(page, errorPage.getByRole('combobox', { name: 'Directive' }), 'error-document')
    await errorPage.getByRole('textbox', { name: 'Value' }).fill('404 /fehler.html')
    await saveScreenshot(page, 'journey-website-form', testInfo, { fullPage: true })
    await form.getByRole('button', { name: 'Create website' }).click()
    await expect(main.getByRole('heading', { name: 'web', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'Website web created')
    await expectAllLogsSucceeded(api)

    const contents = main.getByRole('region', { name: 'Web apps' })
    await expect(contents.getByRole('row').filter({ hasText: 'shop' })).toContainText('/')
    await expect(main.getByLabel('Certificate', { exact: true })).toContainText(
      'This website has no certificate.',
    )
    // No certificate yet: both servers get the HTTP site only, and both checkers accept it.
    const apache = ssh.exec(`cat ${APACHE_SITE}`)
    expect(apache).toContain('<VirtualHost *:80>')
    expect(apache).not.toContain('<VirtualHost *:443>')
    expect(apache).toContain(`Redirect permanent "/alt" "https://${DOMAIN}/neu"`)
    expect(apache).toContain('ErrorDocument 404 "/fehler.html"')
    const nginx = ssh.exec(`cat ${NGINX_SITE}`)
    expect(nginx).toContain(`server_name "${DOMAIN}";`)
    expect(nginx).not.toContain('listen 443 ssl;')
    expect(nginx).toContain('error_page 404 "/fehler.html";')
    expect([exists(APACHE_LINK), exists(NGINX_LINK)]).toEqual([true, true])
    expect(apacheCheck()).toContain('Syntax OK')
    expect(nginxCheck()).toContain('test is successful')
  })

  await test.step('issues its certificate from the card; both servers serve HTTPS', async () => {
    const responder = await answerChallenges(ssh, acme.httpPort, DOCROOT)
    const card = main.getByLabel('Certificate', { exact: true })
    try {
      await card.getByRole('button', { name: 'Issue certificate' }).click()
      await expect(card.getByText('Asking the ACME server…')).toBeVisible()
      await expectNotification(page, `Certificate issued for ${DOMAIN}`)
    } finally {
      responder.stop()
    }
    await expect(card).toContainText('Issued')
    await expect(card).toContainText(LINEAGE)
    await card.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'journey-website-certificate', testInfo)
    await expectAllLogsSucceeded(api)

    const subject = ssh.exec(`openssl x509 -in ${LINEAGE}/cert.pem -noout -ext subjectAltName`)
    expect(subject).toContain(`DNS:${DOMAIN}`)
    expect(exists(`${LINEAGE}/privkey.pem`)).toBe(true)
    const apache = ssh.exec(`cat ${APACHE_SITE}`)
    expect(apache).toContain('<VirtualHost *:443>')
    expect(apache).toContain(`SSLCertificateFile "${LINEAGE}/fullchain.pem"`)
    expect(apache).toContain(`SSLCertificateKeyFile "${LINEAGE}/privkey.pem"`)
    const nginx = ssh.exec(`cat ${NGINX_SITE}`)
    expect(nginx).toContain('listen 443 ssl;')
    expect(nginx).toContain(`ssl_certificate "${LINEAGE}/fullchain.pem";`)
    expect(nginx).toMatch(new RegExp(`fastcgi_pass "unix:/run/php/php8\\.2-${USER}-shop\\.sock";`))
    expect(apacheCheck()).toContain('Syntax OK')
    expect(nginxCheck()).toContain('test is successful')
    // What each server loads from sites-enabled: the site on both ports.
    const vhosts = ssh.exec('apache2ctl -t -D DUMP_VHOSTS 2>&1')
    const name = DOMAIN.replaceAll('.', '\\.')
    for (const port of [80, 443]) {
      // Alone on its port, or one of the names sharing it with the default site.
      expect(vhosts).toMatch(new RegExp(`(\\*:${port} +|port ${port} namevhost )${name} `))
    }
    const loaded = ssh.exec('nginx -T 2>/dev/null')
    expect(loaded).toContain(`# configuration file ${NGINX_LINK}:`)
    expect(loaded).toContain(`ssl_certificate_key "${LINEAGE}/privkey.pem";`)

    // The site's own logs: each web server's backend saved it at creation and again for the
    // certificate, and every one of those saves succeeded.
    await main.getByRole('tab', { name: 'Server logs' }).click()
    const logs = main.getByRole('region', { name: 'Operations on this website' })
    for (const backend of ['Apache 2 website', 'nginx website']) {
      const rows = logs.getByRole('row').filter({ hasText: backend })
      await expect(rows.first()).toBeVisible()
      const count = await rows.count()
      expect(count).toBeGreaterThanOrEqual(2)
      await expect(rows.filter({ hasText: 'SUCCESS' })).toHaveCount(count)
    }
    await saveScreenshot(page, 'journey-website-logs', testInfo)
  })

  await test.step('creates a mailing list for the account; Mailman has it', async () => {
    await nav.getByRole('link', { name: 'Mailing lists', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Mailing lists', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'New list' }).first().click()
    const form = page.getByRole('form', { name: 'New mailing list' })
    await pick(page, form.getByRole('combobox', { name: 'Account' }), 'baeck', USER)
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(`${USER}-news`)
    await form.getByRole('textbox', { name: "Owner's e-mail" }).fill('jana@korn.example')
    await form.getByRole('textbox', { name: 'Address name' }).fill('news')
    await choose(page, form.getByRole('combobox', { name: 'Domain' }), DOMAIN)
    await form.getByRole('button', { name: 'Create list' }).click()
    const heading = main.getByRole('heading', { name: `${USER}-news`, level: 2 })
    await expect(heading).toBeVisible({ timeout: SLOW })
    await expectPageReady(page)
    await expectNotification(page, `List ${USER}-news created`)
    await expectAllLogsSucceeded(api)

    expect(mailman('lists --quiet')).toBe(LIST)
    expect(mailman(`members -R owner -e ${LIST}`)).toBe('jana@korn.example')
    const aliases = `hash:${LIST_ALIASES}/virtual_aliases`
    expect(ssh.exec(`postmap -c ${LIST_ALIASES} -q news@${DOMAIN} ${aliases}`).trim()).toBe(LIST)
  })

  await test.step('sees every service on the account page', async () => {
    await nav.getByRole('link', { name: 'Accounts' }).click()
    await main.getByRole('link', { name: USER, exact: true }).first().click()
    await expect(main.getByRole('heading', { name: USER, level: 2 })).toBeVisible()
    await expectPageReady(page)
    for (const name of ['shop', 'web', `${USER}-news`]) {
      await expect(main.getByRole('link', { name, exact: true }).first()).toBeVisible()
    }
    await saveScreenshot(page, 'journey-account-services', testInfo, { fullPage: true })
  })

  await test.step('deletes the website: both site files go and the checkers pass', async () => {
    await main.getByRole('link', { name: 'web', exact: true }).first().click()
    await expect(main.getByRole('heading', { name: 'web', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete website web?' })
    await saveScreenshot(page, 'journey-website-delete', testInfo)
    await dialog.getByRole('button', { name: 'Delete website' }).click()
    await expectNotification(page, 'Website web deleted')
    await expectAllLogsSucceeded(api)

    const files = [APACHE_SITE, APACHE_LINK, NGINX_SITE, NGINX_LINK]
    expect(files.filter(exists)).toEqual([])
    expect(ssh.exec('apache2ctl -t -D DUMP_VHOSTS 2>&1')).not.toContain(DOMAIN)
    // The certificate goes with its website: certbot deletes the lineage and its renewal file.
    expect(exists(LINEAGE)).toBe(false)
    expect(exists(`/etc/letsencrypt/renewal/${DOMAIN}.conf`)).toBe(false)
    await nav.getByRole('link', { name: 'Certificates' }).click()
    await expect(main.getByRole('heading', { name: 'Certificates', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No certificates yet')).toBeVisible()
    expect(apacheCheck()).toContain('Syntax OK')
    expect(nginxCheck()).toContain('test is successful')
  })

  await test.step('deletes the web app: its pool and folder go', async () => {
    await nav.getByRole('link', { name: 'Web apps', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Web apps', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'shop', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'shop', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete shop?' })
    await expect(dialog).toContainText('removed from the servers')
    await dialog.getByRole('button', { name: 'Delete web app' }).click()
    await expectNotification(page, 'Web app shop deleted')
    await expect(main.getByText('No web apps yet')).toBeVisible()
    await expectAllLogsSucceeded(api)

    expect([exists(POOL), exists(DOCROOT)]).toEqual([false, false])
    expect(ssh.exec('php-fpm8.2 -t 2>&1')).toContain('test is successful')
  })

  await test.step('deletes the list: Mailman and the alias map forget it', async () => {
    await nav.getByRole('link', { name: 'Mailing lists', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Mailing lists', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('link', { name: `${USER}-news`, exact: true }).click()
    await expect(main.getByRole('heading', { name: `${USER}-news`, level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: `Delete the list ${USER}-news?` })
    await dialog.getByRole('button', { name: 'Delete list' }).click()
    await expectNotification(page, `List ${USER}-news deleted`)
    await expectAllLogsSucceeded(api)

    expect(mailman('lists --quiet')).toBe('')
    const aliases = `hash:${LIST_ALIASES}/virtual_aliases`
    expect(ssh.exec(`postmap -c ${LIST_ALIASES} -q news@${DOMAIN} ${aliases} || true`).trim()).toBe(
      '',
    )
    expect(apacheCheck()).toContain('Syntax OK')
    expect(nginxCheck()).toContain('test is successful')
  })
})
