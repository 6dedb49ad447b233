import type { Page } from '@playwright/test'
import type { TestSshServer } from '../support/ssh-server'
import type { BridgeApi } from './fixtures'
import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'

// Websites end to end: the operator builds a site in the form (a PHP app at /, static files
// at /static, a redirect, an error page, https), Apache on a test server gets a virtual host
// its own checker accepts, and deleting the site takes the file away again.

const CERT = '/etc/ssl/orchestra-e2e/cert.pem'
const KEY = '/etc/ssl/orchestra-e2e/key.pem'
const CONF = '/etc/apache2/sites-available/shop-main.conf'

const sshServer = useSshServerAndKeychain()

test.beforeAll(() => {
  const ssh = sshServer()
  ssh.exec('a2enmod -q proxy proxy_fcgi proxy_http fcgid suexec ssl rewrite actions >/dev/null')
  ssh.exec(`install -d /etc/ssl/orchestra-e2e && openssl req -x509 -newkey rsa:2048 -nodes \
    -days 2 -subj /CN=shop.example -keyout ${KEY} -out ${CERT} 2>/dev/null`)
})

async function routeWebsitesTo(api: BridgeApi, ssh: TestSshServer) {
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
  for (const backend of ['unix-user', 'apache2-website']) {
    await api.call('routes:create', { backend, serverId: server.id, match: 'true' })
  }
}

async function choose(page: Page, field: ReturnType<Page['getByRole']>, option: string) {
  await field.click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('a website built in the form is served by Apache, edited, then deleted', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await routeWebsitesTo(api, sshServer())
  const { account } = await api.call('accounts:create', {
    username: 'shop',
    fullName: 'Shop SL',
    email: 'info@shop.example',
    contacts: [{ shortName: 'Eva', email: 'eva@shop.example' }],
  })
  await api.call('domains:create', { name: 'shop.example', accountId: account.id })
  for (const [name, type] of [
    ['store', 'php'],
    ['files', 'static'],
  ] as const) {
    await api.call('webapps:create', { accountId: account.id, name, type })
  }

  await test.step('opens the empty list and the form', async () => {
    await nav.getByRole('link', { name: 'Websites', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Websites', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No websites yet')).toBeVisible()
    await main.getByRole('link', { name: 'New website' }).first().click()
  })

  const form = page.getByRole('form', { name: 'New website' })
  await test.step('fills the form; a bad redirect is named under its field', async () => {
    const accountField = form.getByRole('combobox', { name: 'Account' })
    await accountField.fill('sho')
    await page.getByRole('option', { name: 'shop', exact: true }).click()
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('main')
    await choose(page, form.getByRole('combobox', { name: 'Protocol' }), 'HTTP and HTTPS')
    await choose(page, form.getByRole('combobox', { name: 'Domains' }), 'shop.example')
    await page.keyboard.press('Escape')

    for (const [index, path, app] of [
      [1, '/', 'store (php)'],
      [2, '/static', 'files (static)'],
    ] as const) {
      await form.getByRole('button', { name: 'Mount a web app' }).click()
      const row = form.getByRole('group', { name: `Web app ${index}` })
      await row.getByRole('textbox', { name: 'Path' }).fill(path)
      await choose(page, row.getByRole('combobox', { name: 'Web app' }), app)
    }
    const directives: [string, string][] = [
      ['redirect', '/old https://shop.example/"new"'],
      ['error-document', '404 /static/404.html'],
      ['ssl-cert', CERT],
      ['ssl-key', KEY],
    ]
    for (const [index, [name, value]] of directives.entries()) {
      await form.getByRole('button', { name: 'Add a directive' }).click()
      const row = form.getByRole('group', { name: `Directive ${index + 1}` })
      if (name !== 'redirect') {
        await choose(page, row.getByRole('combobox', { name: 'Directive' }), name)
      }
      await row.getByRole('textbox', { name: 'Value' }).fill(value)
    }
    await form.getByRole('button', { name: 'Create website' }).click()
    const redirect = form
      .getByRole('group', { name: 'Directive 1' })
      .getByRole('textbox', { name: 'Value' })
    await expect(redirect).toHaveAttribute('aria-invalid', 'true')
    await expect(redirect).toHaveAccessibleDescription(/redirect: may not hold quotes/i)
    expect((await api.call('websites:list', {})).total).toBe(0)
    await saveScreenshot(page, 'website-form-inline-error', testInfo)

    await redirect.fill('/old https://shop.example/new')
    await form.getByRole('button', { name: 'Create website' }).click()
    await expect(main.getByRole('heading', { name: 'main', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'Website main created')
  })

  await test.step('sees what is served, and Apache accepts the virtual host', async () => {
    const contents = main.getByRole('region', { name: 'Web apps' })
    await expect(contents.getByRole('row').filter({ hasText: '/static' })).toContainText('files')
    await expect(main.getByRole('region', { name: 'Domains' })).toContainText('shop.example')
    await saveScreenshot(page, 'website-page', testInfo, { fullPage: true })
    const conf = sshServer().exec(`cat ${CONF}`)
    expect(conf).toContain('<VirtualHost *:443>')
    expect(conf).toContain('Redirect permanent "/old" "https://shop.example/new"')
    expect(conf).toContain('ErrorDocument 404 "/static/404.html"')
    expect(sshServer().exec('apache2ctl -t 2>&1')).toContain('Syntax OK')
  })

  await test.step("finds it in the list and on the account's page", async () => {
    await nav.getByRole('link', { name: 'Websites', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Websites', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const row = main.getByRole('row').filter({ hasText: 'shop.example' })
    await expect(row).toContainText('HTTP and HTTPS')
    await expect(row).toContainText('/ /static')
    await saveScreenshot(page, 'websites-list', testInfo)
    await row.getByRole('link', { name: 'shop', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'shop', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const section = main.getByRole('region', { name: 'Websites' })
    await section.scrollIntoViewIfNeeded()
    await section.getByRole('link', { name: 'main', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'main', level: 2 })).toBeVisible()
    await expectPageReady(page)
  })

  await test.step('disables the site and enables it again', async () => {
    const enabled = '/etc/apache2/sites-enabled/shop-main.conf'
    const isEnabled = () => sshServer().exec(`test -e ${enabled} && echo yes || echo no`).trim()
    await main.getByRole('button', { name: 'Disable' }).click()
    await expectNotification(page, 'main is disabled on its servers')
    expect(isEnabled()).toBe('no')
    await main.getByRole('button', { name: 'Enable' }).click()
    await expectNotification(page, 'main is served again')
    expect(isEnabled()).toBe('yes')
  })

  await test.step('edits the protocol to https only: port 80 now redirects', async () => {
    await main.getByRole('link', { name: 'Edit' }).click()
    const edit = page.getByRole('form', { name: 'Edit main' })
    await choose(
      page,
      edit.getByRole('combobox', { name: 'Protocol' }),
      'HTTPS only (HTTP redirects)',
    )
    await edit.getByRole('button', { name: 'Save website' }).click()
    await expectNotification(page, 'Website main saved')
    expect(sshServer().exec(`cat ${CONF}`)).toContain('RewriteRule ^ https://%{HTTP_HOST}')
  })

  await test.step('deletes it after confirming; the file is gone from the server', async () => {
    await main.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete website main?' })
    await dialog.getByRole('button', { name: 'Delete website' }).click()
    await expectNotification(page, 'Website main deleted')
    await expect(main.getByText('No websites yet')).toBeVisible()
    expect(sshServer().exec(`test -e ${CONF} && echo yes || echo no`).trim()).toBe('no')
  })
})
