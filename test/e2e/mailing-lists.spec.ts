import type { Page } from '@playwright/test'
import {
  expect,
  expectPageReady,
  saveScreenshot,
  test,
  expectNotification as expectShown,
} from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'

// Mailing lists end to end: the operator's form creates a list with a custom address, the
// mailman3 backend runs Debian's Mailman 3 on a test server over SSH, and the list is
// disabled and deleted from its page.

const sshServer = useSshServerAndKeychain()
const FQDN = 'shop-news@lists.orchestra.lan'
const DIR = '/etc/postfix/orchestra-lists'
const MAILMAN_WAIT = 60_000

const expectNotification = (page: Page, text: string | RegExp) =>
  expectShown(page, text, { timeout: MAILMAN_WAIT })

const mailman = (args: string) =>
  sshServer().exec(`cd / && runuser -u list -- /usr/bin/mailman ${args}`).trim()
const postingChain = () =>
  sshServer()
    .exec(`cd / && echo 'print(m.posting_chain)' | runuser -u list -- mailman shell -l ${FQDN}`)
    // The shell prints its prompt around the answer.
    .replaceAll('>>>', '')
    .trim()
const alias = (key: string) =>
  sshServer().exec(`postmap -c ${DIR} -q ${key} hash:${DIR}/virtual_aliases || true`).trim()

test.afterEach(() => {
  for (const list of mailman('lists --quiet').split('\n').filter(Boolean)) {
    mailman(`remove ${list}`)
  }
})

test('a list with a custom address, on Mailman over SSH, disabled and deleted', async ({
  app: page,
  api,
}, testInfo) => {
  test.setTimeout(180_000)
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const ssh = sshServer()
  const key = await api.call('keys:import', {
    label: 'lists',
    privateKey: ssh.clientKey.privateKey,
  })
  const server = await api.call('servers:create', {
    name: 'lists1',
    address: ssh.address,
    sshPort: ssh.port,
    keyId: key.id,
  })
  const scan = await api.call('servers:scanHostKey', { id: server.id })
  await api.call('servers:acceptHostKey', { id: server.id, fingerprint: scan.fingerprint })
  await api.call('routes:create', { backend: 'mailman3', serverId: server.id, match: 'true' })
  const { account } = await api.call('accounts:create', {
    username: 'shop',
    fullName: 'Shop SL',
    email: 'info@shop.example',
    contacts: [{ shortName: 'Eva', email: 'eva@shop.example' }],
  })
  await api.call('domains:create', { name: 'shop.example', accountId: account.id })

  await test.step('is told inline what is wrong with the name, then creates the list', async () => {
    await nav.getByRole('link', { name: 'Mailing lists', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Mailing lists', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'New list' }).first().click()
    const form = page.getByRole('form', { name: 'New mailing list' })
    await form.getByRole('combobox', { name: 'Account' }).fill('sho')
    await page.getByRole('option', { name: 'shop', exact: true }).click()
    const name = form.getByRole('textbox', { name: 'Name', exact: true })
    await name.fill('Shop News')
    await form.getByRole('textbox', { name: "Owner's e-mail" }).fill('eva@shop.example')
    await form.getByRole('textbox', { name: 'Address name' }).fill('news')
    await form.getByRole('button', { name: 'Create list' }).click()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(name).toHaveAccessibleDescription(/single inner dots/)
    const domain = form.getByRole('combobox', { name: 'Domain' })
    await expect(domain).toHaveAttribute('aria-invalid', 'true')
    expect((await api.call('mailingLists:list', {})).total).toBe(0)
    await saveScreenshot(page, 'mailing-list-form-inline-error', testInfo)

    await name.fill('shop-news')
    await domain.click()
    await page.getByRole('option', { name: 'shop.example', exact: true }).click()
    await form.getByRole('button', { name: 'Create list' }).click()
    // The route is synchronous: the save waits for Mailman, a second or more per command.
    const heading = main.getByRole('heading', { name: 'shop-news', level: 2 })
    await expect(heading).toBeVisible({ timeout: MAILMAN_WAIT })
    await expectPageReady(page)
    await expectNotification(page, 'List shop-news created')
  })

  await test.step('the list is in Mailman with its owner; its address is an alias', async () => {
    const addresses = main.getByRole('region', { name: 'Addresses' })
    await expect(addresses).toContainText(FQDN)
    await expect(addresses).toContainText('news@shop.example')
    await saveScreenshot(page, 'mailing-list-page', testInfo)
    expect(mailman('lists --quiet')).toBe(FQDN)
    expect(mailman(`members -R owner -e ${FQDN}`)).toBe('eva@shop.example')
    expect(alias('news-request@shop.example')).toBe('shop-news-request@lists.orchestra.lan')
    const logs = await api.call('logs:list', {})
    expect(logs.rows.map((row) => [row.backend, row.state])).toEqual([['mailman3', 'SUCCESS']])
  })

  await test.step('disables it on its page: Mailman then rejects every post', async () => {
    const form = main.getByRole('form', { name: 'Address, owner and state' })
    await form.getByRole('switch', { name: 'Active (takes posts)' }).uncheck()
    await form.getByRole('button', { name: 'Preview on servers' }).click()
    const preview = page.getByRole('dialog', { name: 'What this change would send to servers' })
    await expect(preview).toContainText('1 script would run')
    await expect(preview).toContainText('inactive')
    await saveScreenshot(page, 'mailing-list-preview', testInfo)
    expect(postingChain()).toBe('default-posting-chain')
    await preview.getByRole('button', { name: 'Save' }).click()
    await expectNotification(page, 'List shop-news saved')
    await expect(main.getByText('Posts are refused while the list')).toBeVisible()
    expect(postingChain()).toBe('reject')
  })

  await test.step('reads the change in its history, and finds it on the account page', async () => {
    await main.getByRole('tab', { name: 'History' }).click()
    await expect(main.getByText('Active (takes posts)')).toBeHidden()
    await expect(main.getByRole('table').getByText('Active', { exact: true })).toBeVisible()
    await saveScreenshot(page, 'mailing-list-history', testInfo)
    await main.getByRole('link', { name: 'shop', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'shop', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const section = main.getByRole('region', { name: 'Mailing lists' })
    await section.scrollIntoViewIfNeeded()
    await section.getByRole('link', { name: 'shop-news' }).click()
    await expect(main.getByRole('heading', { name: 'shop-news', level: 2 })).toBeVisible()
    await expectPageReady(page)
  })

  await test.step('deletes it after confirming; Mailman and the map forget it', async () => {
    await main.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete the list shop-news?' })
    await expect(dialog).toContainText('with its members')
    await dialog.getByRole('button', { name: 'Delete list' }).click()
    await expectNotification(page, 'List shop-news deleted')
    await expect(main.getByRole('heading', { name: 'Mailing lists', level: 2 })).toBeVisible()
    expect(mailman('lists --quiet')).toBe('')
    expect(alias('news@shop.example')).toBe('')
  })
})
