import type { TestSshServer } from '../support/ssh-server'
import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'
import type { BridgeApi } from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'

// Web apps end to end: an operator creates a PHP app in the form (told inline about a bad
// option), sees its computed PHP values, switches it from PHP-FPM to FastCGI, and deletes it;
// each step is checked in the files of a real SSH test server.

const POOL = '/etc/php/8.2/fpm/pool.d/shop-blog.conf'
const WRAPPER = '/var/www/fcgi-bin.d/shop/blog-wrapper'
const sshServer = useSshServerAndKeychain()

async function routeWebappsTo(api: BridgeApi, ssh: TestSshServer) {
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
  for (const backend of ['unix-user', 'webapp-php', 'webapp-static']) {
    await api.call('routes:create', { backend, serverId: server.id, match: '' })
  }
}

const exists = (path: string) =>
  sshServer().exec(`[ -e ${path} ] && echo yes || echo no`).trim() === 'yes'

test('a PHP web app created, switched from FPM to FastCGI and deleted', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await routeWebappsTo(api, sshServer())
  await api.call('accounts:create', {
    username: 'shop',
    fullName: 'Shop SL',
    email: 'info@shop.example',
    contacts: [{ shortName: 'Eva', email: 'eva@shop.example' }],
  })

  await test.step('starts from the empty list and opens the form', async () => {
    await nav.getByRole('link', { name: 'Web apps', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Web apps', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No web apps yet')).toBeVisible()
    await main.getByRole('link', { name: 'New web app' }).first().click()
  })

  await test.step("the form's breadcrumb leads back to the list", async () => {
    await expect(main.getByRole('heading', { name: 'New web app', level: 2 })).toBeVisible()
    await saveScreenshot(page, 'webapp-create-form', testInfo)
    await main.getByRole('link', { name: 'Web apps', exact: true }).click()
    await expect(main.getByText('No web apps yet')).toBeVisible()
    await main.getByRole('link', { name: 'New web app' }).first().click()
  })

  const form = page.getByRole('form', { name: 'New web app' })
  await test.step('is told inline what is wrong with an option, then creates the app', async () => {
    await form.getByRole('combobox', { name: 'Account' }).fill('sho')
    await page.getByRole('option', { name: 'shop', exact: true }).click()
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('blog')
    await expect(form.getByRole('combobox', { name: 'Version' })).toHaveValue('8.2-fpm')
    await form.getByRole('button', { name: 'Add option' }).click()
    await form.getByRole('combobox', { name: 'Option' }).click()
    await page.getByRole('option', { name: 'memory_limit', exact: true }).click()
    const value = form.getByRole('textbox', { name: 'Value' })
    await value.fill('1G')
    await form.getByRole('button', { name: 'Create web app' }).click()
    await expect(value).toHaveAttribute('aria-invalid', 'true')
    await expect(value).toHaveAccessibleDescription(/memory_limit must be 1 to 3 digits and M/)
    expect((await api.call('webapps:list', {})).total).toBe(0)
    await saveScreenshot(page, 'webapp-form-inline-error', testInfo)

    await value.fill('128M')
    await form.getByRole('button', { name: 'Add option' }).click()
    await form.getByRole('combobox', { name: 'Option' }).nth(1).click()
    await page.getByRole('option', { name: 'timeout', exact: true }).click()
    await form.getByRole('textbox', { name: 'Value' }).nth(1).fill('60')
    await form.getByRole('button', { name: 'Create web app' }).click()
    await expect(main.getByRole('heading', { name: 'blog', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'Web app blog created')
  })

  await test.step('shows its folder and its PHP values, as in the pool on the server', async () => {
    await expect(main.getByText('/home/shop/webapps/blog').first()).toBeVisible()
    const ini = main.getByRole('table', { name: 'PHP values it runs with' })
    await expect(ini.getByRole('row').filter({ hasText: 'max_execution_time' })).toContainText('58')
    await expect(ini.getByRole('row').filter({ hasText: 'memory_limit' })).toContainText('128M')
    await saveScreenshot(page, 'webapp-page', testInfo, { fullPage: true })
    expect(exists(POOL)).toBe(true)
    expect(sshServer().exec(`cat ${POOL}`)).toContain('request_terminate_timeout = 60')
  })

  await test.step('switches to FastCGI: the wrapper replaces the pool', async () => {
    await main.getByRole('link', { name: 'Edit' }).click()
    const edit = page.getByRole('form', { name: 'Edit blog' })
    await expect(edit.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled()
    await edit.getByRole('combobox', { name: 'Version' }).click()
    await page.getByRole('option', { name: '8.2-cgi', exact: true }).click()
    await saveScreenshot(page, 'webapp-edit-form', testInfo)
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await expect(main.getByRole('heading', { name: 'blog', level: 2 })).toBeVisible()
    await expectNotification(page, 'Web app blog saved')
    await expect(main.getByText(WRAPPER)).toBeVisible()
    expect([exists(POOL), exists(WRAPPER)]).toEqual([false, true])
  })

  await test.step('deletes it after confirming: its folder and wrapper are gone', async () => {
    await main.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete blog?' })
    await expect(dialog).toContainText('removed from the servers')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expectNotification(page, 'Web app blog deleted')
    await expect(main.getByText('No web apps yet')).toBeVisible()
    expect([exists(WRAPPER), exists('/home/shop/webapps/blog')]).toEqual([false, false])
  })
})
