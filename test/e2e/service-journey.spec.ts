import type { Locator, Page } from '@playwright/test'
import { startMariadb, type MariadbServer } from '../support/mariadb-server'
import type { TestSshServer } from '../support/ssh-server'
import {
  expect,
  expectPageReady,
  saveScreenshot,
  test,
  type BridgeApi,
  expectNotification,
} from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'

// An account's first services, as a new operator sets them up in Chromium: every change runs
// over SSH on a real test server, and each step checks what the server then holds, with the
// tools that read it there (getent, named-checkzone, postmap, a MariaDB login).

const DOMAIN = 'bäckerei-beispiel.de'
const ASCII = 'xn--bckerei-beispiel-vnb.de'
const DB_PASSWORD = `Ofen's "heiß" \\ $(id) \`x\` ;--`
const CHECKZONE = 'named-checkzone -k fail -n fail -i full'
const BACKENDS = [
  'unix-user',
  'bind9-master',
  'dovecot-mailbox',
  'postfix-virtual',
  'mysql-user',
  'mysql-database',
]

const sshServer = useSshServerAndKeychain()
let maria: MariadbServer

test.beforeAll(async () => {
  maria = await startMariadb()
  // The server's administrator points the MariaDB client at the database server once.
  sshServer().exec(
    `mkdir -p /etc/orchestra && printf '[client]\\nuser=root\\nsocket=%s\\n' ` +
      `'${maria.socket}' > /etc/orchestra/mysql.cnf`,
  )
})
test.afterAll(async () => {
  await maria?.stop()
})

/** The server with its host key accepted and one route per backend of the journey. */
async function routeServicesTo(api: BridgeApi, ssh: TestSshServer) {
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
}

async function pick(page: Page, combobox: Locator, typed: string, option: string) {
  await combobox.fill(typed)
  await page.getByRole('option', { name: option, exact: true }).click()
}

function textbox(scope: Locator, label: string) {
  return scope.getByRole('textbox', { name: label, exact: true })
}

/** Every log so far ended well: a failed script fails the journey with its output. */
async function expectAllLogsSucceeded(api: BridgeApi) {
  await expect
    .poll(async () => {
      const logs = await api.call('logs:list', { pageSize: 200 })
      return logs.rows.filter((row) => row.state !== 'SUCCESS').map((row) => row.backend)
    })
    .toEqual([])
}

test("an account's domain, mail and database reach a server, and leave with the account", async ({
  app: page,
  api,
}, testInfo) => {
  test.setTimeout(180_000)
  const ssh = sshServer()
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const onServer = (command: string) => ssh.exec(command)
  const exists = (path: string) => onServer(`test -e ${path} && echo yes || echo no`).trim()
  await routeServicesTo(api, ssh)

  await test.step('creates the account: its main user appears here and on the server', async () => {
    await nav.getByRole('link', { name: 'Accounts' }).click()
    await main.getByRole('link', { name: 'New account' }).first().click()
    const form = page.getByRole('form', { name: 'New account' })
    await textbox(form, 'Username').fill('baecker')
    await textbox(form, 'Full name').fill('Bäckerei Beispiel GmbH')
    await textbox(form, 'Email').fill('info@baecker.example')
    const contact = form.getByRole('group', { name: 'Contact 1' })
    await textbox(contact, 'Contact short name').fill('Anna')
    await textbox(contact, 'Contact email').fill('anna@baecker.example')
    await form.getByRole('button', { name: 'Create account' }).click()
    await expect(main.getByRole('heading', { name: 'baecker', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'Account baecker created')

    const users = main.getByRole('region', { name: 'System users' })
    await expect(users.getByRole('link', { name: 'baecker', exact: true })).toBeVisible()
    await expectAllLogsSucceeded(api)
    expect(onServer('getent passwd baecker')).toMatch(/^baecker:x:\d+:\d+:.*:\/home\/baecker:/)
    expect(exists('/home/baecker')).toBe('yes')
  })

  await test.step('adds the domain and an A record; named-checkzone loads the zone', async () => {
    await nav.getByRole('link', { name: 'Domains' }).click()
    await main.getByRole('link', { name: 'New domain' }).first().click()
    const form = page.getByRole('form', { name: 'New domain' })
    await pick(page, form.getByRole('combobox', { name: 'Account' }), 'baeck', 'baecker')
    await form.getByRole('textbox', { name: 'Names' }).fill(DOMAIN)
    const record = form.getByRole('group', { name: 'Record 1' })
    await record.getByRole('textbox', { name: 'Value' }).fill('192.0.2.10')
    await form.getByRole('button', { name: 'Create domains' }).click()
    await expect(main.getByRole('heading', { name: DOMAIN, level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectAllLogsSucceeded(api)

    const zone = `/etc/bind/master/${ASCII}`
    const loaded = onServer(`${CHECKZONE} ${ASCII} ${zone}`)
    expect(loaded).toMatch(new RegExp(`zone ${ASCII}/IN: loaded serial \\d{10}`))
    expect(onServer(`cat ${zone}`)).toContain('192.0.2.10')
  })

  await test.step('adds a mailbox and its address; Postfix and Dovecot read them', async () => {
    await nav.getByRole('link', { name: 'Mailboxes' }).click()
    await main.getByRole('link', { name: 'New mailbox' }).click()
    const mailbox = page.getByRole('form', { name: 'New mailbox' })
    await pick(page, mailbox.getByRole('combobox', { name: 'Account' }), 'baeck', 'baecker')
    await mailbox.getByRole('textbox', { name: 'Name' }).fill('Anna')
    await mailbox.getByRole('textbox', { name: 'Password' }).fill('Roggenbrot im Ofen')
    await mailbox.getByRole('button', { name: 'Create mailbox' }).click()
    await expect(main.getByRole('heading', { name: 'anna', level: 2 })).toBeVisible()
    await expectPageReady(page)

    await nav.getByRole('link', { name: 'Mail addresses' }).click()
    await main.getByRole('link', { name: 'New address' }).click()
    const address = page.getByRole('form', { name: 'New mail address' })
    await pick(page, address.getByRole('combobox', { name: 'Account' }), 'baeck', 'baecker')
    await address.getByRole('textbox', { name: 'Local part' }).fill('info')
    await pick(page, address.getByRole('combobox', { name: 'Domain' }), 'bäck', DOMAIN)
    await address.getByRole('combobox', { name: 'Mailboxes' }).click()
    await page.getByRole('option', { name: 'anna', exact: true }).click()
    await address.getByRole('button', { name: 'Create address' }).click()
    await expect(main.getByRole('heading', { name: `info@${DOMAIN}`, level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectAllLogsSucceeded(api)

    const passwd = onServer('cat /etc/dovecot/orchestra/passwd')
    expect(passwd).toMatch(/^anna:\{SHA512-CRYPT\}\$6\$/m)
    expect(passwd).not.toContain('Roggenbrot')
    const aliases = 'hash:/etc/postfix/orchestra/virtual_aliases'
    expect(onServer(`postmap -c /etc/postfix/orchestra -q info@${ASCII} ${aliases}`)).toMatch(
      /anna/,
    )
  })

  await test.step('creates a database with a new owner, who logs in to MariaDB', async () => {
    await nav.getByRole('link', { name: 'Databases', exact: true }).click()
    await main.getByRole('link', { name: 'New database' }).first().click()
    const form = page.getByRole('form', { name: 'New database' })
    await pick(page, form.getByRole('combobox', { name: 'Account' }), 'baeck', 'baecker')
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('baecker_shop')
    await form.getByRole('textbox', { name: 'Username' }).fill('baecker_web')
    await form.getByLabel('Password', { exact: true }).fill(DB_PASSWORD)
    await form.getByLabel('Password again').fill(DB_PASSWORD)
    await form.getByRole('button', { name: 'Create database' }).click()
    await expect(main.getByRole('heading', { name: 'baecker_shop', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectAllLogsSucceeded(api)

    const session = maria.queryAs(
      'baecker_web',
      DB_PASSWORD,
      'CREATE TABLE baecker_shop.breads (id INT); SELECT COUNT(*) FROM baecker_shop.breads;',
    )
    expect(session).toMatchObject({ status: 0, out: '0\n' })
  })

  await test.step('sees every service on the account page', async () => {
    await main.getByRole('link', { name: 'baecker', exact: true }).first().click()
    await expect(main.getByRole('heading', { name: 'baecker', level: 2 })).toBeVisible()
    await expectPageReady(page)
    // A domain's link also names its xn-- form beneath the Unicode one.
    await expect(main.getByRole('link', { name: `${DOMAIN} ${ASCII}` })).toBeVisible()
    const link = (name: string) => main.getByRole('link', { name, exact: true }).first()
    for (const name of ['anna', `info@${DOMAIN}`, 'baecker_shop', 'baecker_web']) {
      await expect(link(name)).toBeVisible()
    }
    await saveScreenshot(page, 'account-services', testInfo, { fullPage: true })
  })

  await test.step('deletes the account: its services leave the server first', async () => {
    await main.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete baecker?' })
    await expect(dialog).toContainText(DOMAIN)
    await expect(dialog).toContainText('baecker_shop')
    await saveScreenshot(page, 'account-delete-services', testInfo)
    await dialog.getByRole('button', { name: 'Delete account' }).click()
    await expect(page).toHaveURL(/#\/accounts$/)
    await expectNotification(page, 'Account baecker deleted')
    await expectAllLogsSucceeded(api)

    expect(onServer('getent passwd baecker || echo gone').trim()).toBe('gone')
    expect(exists('/home/baecker')).toBe('no')
    expect(exists(`/etc/bind/master/${ASCII}`)).toBe('no')
    expect(onServer('cat /etc/dovecot/orchestra/passwd')).not.toMatch(/^anna:/m)
    expect(onServer('cat /etc/postfix/orchestra/virtual_aliases')).not.toContain(ASCII)
    expect(maria.query("SHOW DATABASES LIKE 'baecker\\_shop'")).toBe('')
    expect(maria.query("SELECT user FROM mysql.user WHERE user = 'baecker_web'")).toBe('')
  })
})
