import type { TestSshServer } from '../support/ssh-server'
import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'
import type { BridgeApi } from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'

// SaaS end to end: an operator gives an account a wiki of the DokuWiki farm through the
// forms, the script runs over SSH on a test server, then the custom domain goes and the wiki.

const PASSWORD = `Wiki's "pass" \\ $(touch /etc/pwned) \`x\``
const FARM = '/var/www/wikifarm/farm'
const SITE = `${FARM}/notes.dokuwiki.orchestra.lan`

const sshServer = useSshServerAndKeychain()

async function routeWikisTo(api: BridgeApi, ssh: TestSshServer) {
  ssh.exec(
    'rm -rf /var/www/wikifarm && mkdir -p /var/www/wikifarm/tpl/conf && ' +
      "printf '# <?php exit()?>\\n' > /var/www/wikifarm/tpl/conf/users.auth.php && " +
      'tar -czf /var/www/wikifarm/template.tar.gz -C /var/www/wikifarm/tpl .',
  )
  const key = await api.call('keys:import', {
    label: 'wiki1-key',
    privateKey: ssh.clientKey.privateKey,
  })
  const server = await api.call('servers:create', {
    name: 'wiki1',
    address: ssh.address,
    sshPort: ssh.port,
    keyId: key.id,
  })
  const scan = await api.call('servers:scanHostKey', { id: server.id })
  await api.call('servers:acceptHostKey', { id: server.id, fingerprint: scan.fingerprint })
  const match = 'instance.service == "dokuwiki"'
  await api.call('routes:create', { backend: 'saas-dokuwiki', serverId: server.id, match })
}

test('a wiki on a custom domain, created from the form, edited, then deleted', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const ssh = sshServer()
  await routeWikisTo(api, ssh)
  const { account } = await api.call('accounts:create', {
    username: 'shop',
    fullName: 'Shop SL',
    email: 'info@shop.example',
    contacts: [{ shortName: 'Eva', email: 'eva@shop.example' }],
  })
  await api.call('settings:update', { name: 'DOMAINS_DEFAULT_NS', value: ['ns1.example.net.'] })
  await api.call('domains:create', { name: 'wiki.shop.example', accountId: account.id })

  await test.step('starts from the empty list and opens the form', async () => {
    await nav.getByRole('link', { name: 'SaaS', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'SaaS', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No tenants yet')).toBeVisible()
    await main.getByRole('link', { name: 'New tenant' }).first().click()
  })

  const form = page.getByRole('form', { name: 'New SaaS tenant' })
  await test.step('is told inline what is wrong with the name, then creates the wiki', async () => {
    await form.getByRole('combobox', { name: 'Account' }).fill('sho')
    await page.getByRole('option', { name: 'shop', exact: true }).click()
    await form.getByLabel('Service').click()
    await page.getByRole('option', { name: 'DokuWiki', exact: true }).click()
    const name = form.getByRole('textbox', { name: 'Name', exact: true })
    await name.fill('My_Wiki')
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await form.getByLabel('Password again').fill(PASSWORD)
    await form.getByRole('textbox', { name: 'Custom URL' }).fill('https://wiki.shop.example')
    await form.getByRole('button', { name: 'Create tenant' }).click()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(name).toHaveAccessibleDescription(/must be a host name/i)
    expect((await api.call('saas:list', {})).total).toBe(0)
    await saveScreenshot(page, 'saas-form-inline-error', testInfo)

    await name.fill('Notes')
    await expect(form.getByText('Answers on notes.dokuwiki.orchestra.lan')).toBeVisible()
    await form.getByRole('button', { name: 'Create tenant' }).click()
    await expect(main.getByRole('heading', { name: 'notes', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'Tenant notes created')
  })

  await test.step('sees where it answers, and the wiki is on the server', async () => {
    const overview = main.getByRole('region', { name: 'Overview' })
    await expect(overview).toContainText('notes.dokuwiki.orchestra.lan')
    await expect(overview).toContainText('https://wiki.shop.example/')
    const website = overview.getByRole('link', { name: 'wiki.shop.example' })
    await expect(website).toHaveAttribute('href', /#\/services\/websites\/\d+$/)
    await expect(overview).toContainText('made for the custom URL')
    await saveScreenshot(page, 'saas-tenant-page', testInfo)
    expect(ssh.exec(`readlink ${FARM}/wiki.shop.example`).trim()).toBe(
      'notes.dokuwiki.orchestra.lan',
    )
    expect(ssh.exec(`grep -c '^admin:' ${SITE}/conf/users.auth.php`).trim()).toBe('1')
    expect(ssh.exec('test -e /etc/pwned && echo yes || echo no').trim()).toBe('no')
    const logs = await api.call('logs:list', {})
    expect(logs.rows.map((row) => [row.backend, row.state])).toEqual([['saas-dokuwiki', 'SUCCESS']])
  })

  await test.step('finds it in the list, by service', async () => {
    await nav.getByRole('link', { name: 'SaaS', exact: true }).click()
    await expectPageReady(page)
    const row = main.getByRole('row').filter({ hasText: 'notes.dokuwiki.orchestra.lan' })
    await expect(row).toContainText('DokuWiki')
    await expect(row).toContainText('shop')
    await saveScreenshot(page, 'saas-list', testInfo)
    await row.getByRole('link', { name: 'notes' }).click()
    await expect(main.getByRole('heading', { name: 'notes', level: 2 })).toBeVisible()
    await expectPageReady(page)
  })

  await test.step('removes the custom URL in the edit form: the link goes', async () => {
    await main.getByRole('link', { name: 'Edit' }).click()
    const edit = page.getByRole('form', { name: 'Edit notes' })
    await edit.getByRole('textbox', { name: 'Custom URL' }).fill('ftp://wiki.shop.example')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect(edit.getByRole('textbox', { name: 'Custom URL' })).toHaveAccessibleDescription(
      /must start with http/i,
    )
    await edit.getByRole('textbox', { name: 'Custom URL' }).fill('')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expectNotification(page, 'Tenant notes saved')
    await expect(main.getByRole('region', { name: 'Overview' })).toContainText('None')
    await expect(main.getByRole('link', { name: 'wiki.shop.example' })).toBeHidden()
    expect((await api.call('websites:list', {})).total).toBe(0)
    expect(ssh.exec(`test -L ${FARM}/wiki.shop.example && echo yes || echo no`).trim()).toBe('no')
  })

  await test.step("finds it on the account's page and deletes it", async () => {
    await page.goto(`/#/accounts/${account.id}`)
    await expectPageReady(page)
    const section = main.getByRole('region', { name: 'SaaS' })
    await section.scrollIntoViewIfNeeded()
    await section.getByRole('link', { name: 'notes' }).click()
    await expect(main.getByRole('heading', { name: 'notes', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete notes?' })
    await expect(dialog).toContainText('removed from the servers')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expectNotification(page, 'Tenant notes deleted')
    await expect(main.getByText('No tenants yet')).toBeVisible()
    expect(ssh.exec(`test -e ${SITE} && echo yes || echo no`).trim()).toBe('no')
  })
})
