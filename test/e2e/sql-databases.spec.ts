import { startMariadb, type MariadbServer } from '../support/mariadb-server'
import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'
import type { BridgeApi } from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'
import type { TestSshServer } from '../support/ssh-server'

// Databases end to end: the operator's form creates a database and its owner, the scripts run
// over SSH on a test server whose MariaDB is real, and the new user logs in there.

const PASSWORD = `Shop's "pass" \\ $(id) \`x\` ;--`

const sshServer = useSshServerAndKeychain()
let maria: MariadbServer

test.beforeAll(async () => {
  maria = await startMariadb()
  sshServer().exec(
    `mkdir -p /etc/orchestra && printf '[client]\\nuser=root\\nsocket=%s\\n' ` +
      `'${maria.socket}' > /etc/orchestra/mysql.cnf`,
  )
})
test.afterAll(async () => {
  await maria?.stop()
})

/** The server and the routes of the MySQL backends, as an operator sets them up. */
async function routeDatabasesTo(api: BridgeApi, ssh: TestSshServer) {
  const key = await api.call('keys:import', {
    label: 'db1-key',
    privateKey: ssh.clientKey.privateKey,
  })
  const server = await api.call('servers:create', {
    name: 'db1',
    address: ssh.address,
    sshPort: ssh.port,
    keyId: key.id,
  })
  const scan = await api.call('servers:scanHostKey', { id: server.id })
  await api.call('servers:acceptHostKey', { id: server.id, fingerprint: scan.fingerprint })
  for (const backend of ['mysql-user', 'mysql-database']) {
    await api.call('routes:create', {
      backend,
      serverId: server.id,
      match: 'instance.type == "mysql"',
    })
  }
}

test('a database with a new owner, who logs in on the server, then deleted', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await routeDatabasesTo(api, sshServer())
  await api.call('accounts:create', {
    username: 'shop',
    fullName: 'Shop SL',
    email: 'info@shop.example',
    contacts: [{ shortName: 'Eva', email: 'eva@shop.example' }],
  })

  await test.step('starts from the empty databases list and opens the form', async () => {
    await nav.getByRole('link', { name: 'Databases', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Databases', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No databases yet — create the first one')).toBeVisible()
    await main.getByRole('link', { name: 'New database' }).first().click()
  })

  const form = page.getByRole('form', { name: 'New database' })
  await test.step('is told inline what is wrong with the name, then fills the form', async () => {
    const account = form.getByRole('combobox', { name: 'Account' })
    await account.fill('sho')
    await page.getByRole('option', { name: 'shop', exact: true }).click()
    const name = form.getByRole('textbox', { name: 'Name', exact: true })
    await name.fill('Shop-DB')
    await form.getByRole('textbox', { name: 'Username' }).fill('shop_admin')
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await form.getByLabel('Password again').fill(PASSWORD)
    await form.getByRole('button', { name: 'Create database' }).click()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(name).toHaveAccessibleDescription(/lower-case letters a-z, digits and _/)
    expect((await api.call('sqlDatabases:list', {})).total).toBe(0)
    await saveScreenshot(page, 'sql-database-form-inline-error', testInfo)

    await name.fill('shop_db')
    await form.getByRole('button', { name: 'Create database' }).click()
    await expect(main.getByRole('heading', { name: 'shop_db', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'Database shop_db created')
  })

  await test.step('sees its owner, and the owner logs in to MariaDB on the server', async () => {
    const users = main.getByRole('region', { name: 'Users and grants' })
    await expect(users.getByRole('row').filter({ hasText: 'shop_admin' })).toContainText('Owner')
    await saveScreenshot(page, 'sql-database-page', testInfo)
    const session = maria.queryAs(
      'shop_admin',
      PASSWORD,
      'CREATE TABLE shop_db.orders (id INT); SELECT COUNT(*) FROM shop_db.orders;',
    )
    expect(session).toMatchObject({ status: 0, out: '0\n' })
    const logs = await api.call('logs:list', {})
    expect(logs.rows.map((row) => [row.backend, row.state]).sort()).toEqual([
      ['mysql-database', 'SUCCESS'],
      ['mysql-user', 'SUCCESS'],
    ])
  })

  await test.step("finds the database and its user on the account's page", async () => {
    await main.getByRole('link', { name: 'shop', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'shop', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const section = main.getByRole('region', { name: 'Databases' })
    await section.scrollIntoViewIfNeeded()
    await expect(section.getByRole('link', { name: 'shop_admin' })).toBeVisible()
    await saveScreenshot(page, 'account-databases', testInfo)
    await section.getByRole('link', { name: 'shop_db' }).click()
    await expect(main.getByRole('heading', { name: 'shop_db', level: 2 })).toBeVisible()
    await expectPageReady(page)
  })

  await test.step('deletes the database after confirming; it is gone from the server', async () => {
    await main.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete shop_db?' })
    await expect(dialog).toContainText('dropped on the database servers')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expectNotification(page, 'shop_db deleted')
    await expect(main.getByText('No databases yet — create the first one')).toBeVisible()
    expect(maria.query("SHOW DATABASES LIKE 'shop\\_db'")).toBe('')
  })
})

test('an operator adds a second user to a database, removes it again, and bulk-deletes', async ({
  app: page,
  api,
}) => {
  const main = page.getByRole('main')
  await routeDatabasesTo(api, sshServer())
  const { account } = await api.call('accounts:create', {
    username: 'blog',
    fullName: 'Blog SL',
    email: 'info@blog.example',
    contacts: [{ shortName: 'Pau', email: 'pau@blog.example' }],
  })
  const db = await api.call('sqlDatabases:create', {
    name: 'blog_db',
    accountId: account.id,
    newUser: { username: 'blog_admin', password: 'admin password' },
  })
  await api.call('sqlUsers:create', {
    username: 'blog_reader',
    accountId: account.id,
    password: 'reader password',
  })
  const grants = () => maria.query("SHOW GRANTS FOR 'blog_reader'@'localhost'")

  await test.step('adds a second user on the database page: no grant option', async () => {
    await page.goto(`/#/services/databases/${db.database.id}`)
    await expect(main.getByRole('heading', { name: 'blog_db', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const users = main.getByRole('region', { name: 'Users and grants' })
    await users.getByRole('combobox', { name: 'Add a user' }).click()
    await page.getByRole('option', { name: 'blog_reader', exact: true }).click()
    await users.getByRole('button', { name: 'Add' }).click()
    await expectNotification(page, 'Users of blog_db saved')
    const reader = users.getByRole('row').filter({ hasText: 'blog_reader' })
    await expect(reader).toBeVisible()
    await expect(reader).not.toContainText('Owner')
    expect(grants()).toContain('`blog\\_db`')
    expect(grants()).not.toContain('WITH GRANT OPTION')
  })

  await test.step('removes it again: the server revokes its grant', async () => {
    const users = main.getByRole('region', { name: 'Users and grants' })
    await users.getByRole('button', { name: 'Remove blog_reader' }).click()
    await expectNotification(page, 'Users of blog_db saved')
    await expect(users.getByRole('row').filter({ hasText: 'blog_reader' })).toBeHidden()
    expect(grants()).not.toContain('blog\\_db')
  })

  await test.step('deletes both users from the users list at once', async () => {
    await page.goto('/#/services/databases/users')
    await expect(main.getByRole('heading', { name: 'Database users', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('checkbox', { name: 'Select this page' }).check()
    await expect(main.getByText('2 selected')).toBeVisible()
    await main.getByRole('button', { name: 'Delete selected' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete 2 item(s)?' })
    await expect(dialog).toContainText('blog_admin, blog_reader')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expectNotification(page, '2 deleted')
    await expect(main.getByText('No database users yet')).toBeVisible()
    expect(maria.query("SELECT COUNT(*) FROM mysql.user WHERE User LIKE 'blog%'")).toBe('0\n')
  })
})
