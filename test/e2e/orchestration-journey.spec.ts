import type { Locator, Page } from '@playwright/test'
import { startSshServer, type TestSshServer } from '../support/ssh-server'
import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'
import { startPrivateKeychain, type PrivateKeychain } from './private-keychain'

// An operator's first orchestration session, on a real OpenSSH server on loopback (root, with
// a password) and the real interface in Chromium: add the server, check and accept its host
// key, make a key and install it with the password once, route a backend to the server, and
// see a new account's file arrive there, live, then run the same log again.

const PASSWORD = 'correct horse battery staple'
const KEY_LABEL = 'orchestra@e2e'

let ssh: TestSshServer
let keychain: PrivateKeychain
let savedEnv: Partial<Record<string, string>> = {}

test.beforeAll(async () => {
  ssh = await startSshServer({ password: PASSWORD })
  keychain = startPrivateKeychain()
  // The bridge fixture starts `orchestra serve` with this worker's environment.
  savedEnv = Object.fromEntries(Object.keys(keychain.env).map((name) => [name, process.env[name]]))
  Object.assign(process.env, keychain.env)
})

test.afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  keychain?.stop()
  await ssh?.stop()
})

/** Picks an option of a Mantine Select, the way a user does: open it, click the option. */
async function choose(page: Page, select: Locator, option: string) {
  await select.click()
  await page.getByRole('option', { name: option, exact: true }).click()
  await expect(select).toHaveValue(option)
}

function textbox(scope: Locator, label: string) {
  return scope.getByRole('textbox', { name: label, exact: true })
}

/** The file the account-file backend wrote, as the server sees it; undefined until it exists. */
function accountFile(username: string): unknown {
  try {
    return JSON.parse(ssh.exec(`cat /etc/orchestra/accounts/${username}.json`))
  } catch {
    return undefined
  }
}

test('an operator routes account changes to a real SSH server and follows the logs', async ({
  app: page,
  api,
}, testInfo) => {
  test.setTimeout(120_000)
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  let serverId = 0

  await test.step('adds the server from an empty list', async () => {
    await nav.getByRole('link', { name: 'Servers' }).click()
    await expect(main.getByRole('heading', { name: 'Servers', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No servers yet — add the first one')).toBeVisible()
    await main.getByRole('link', { name: 'New server' }).first().click()

    const form = page.getByRole('form', { name: 'New server' })
    await textbox(form, 'Name').fill('web1')
    await textbox(form, 'Address').fill(ssh.address)
    await textbox(form, 'SSH port').fill(String(ssh.port))
    await expect(textbox(form, 'SSH user')).toHaveValue('root')
    await form.getByRole('button', { name: 'Add server' }).click()

    await expect(page).toHaveURL(/#\/servers\/\d+$/)
    await expect(main.getByRole('heading', { name: 'web1', level: 2 })).toBeVisible()
    await expectNotification(page, 'Server web1 added')
    await expect(main.getByText('Host key not accepted')).toBeVisible()
    serverId = Number(/servers\/(\d+)$/.exec(page.url())![1])
  })

  await test.step('fetches the host key, compares it and accepts it', async () => {
    const panel = main.getByRole('region', { name: 'Host key' })
    await panel.getByRole('button', { name: 'Fetch host key' }).click()
    await expect(panel.getByText(ssh.hostKeyFingerprint, { exact: true })).toBeVisible()
    await expect(panel.getByText('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub')).toBeVisible()
    await saveScreenshot(page, 'server-host-key-fetched', testInfo, { fullPage: true })

    await panel.getByRole('button', { name: 'Accept this host key' }).click()
    await expectNotification(page, 'Host key of web1 accepted')
    await expect(panel.getByText('Accepted ssh-ed25519 key')).toBeVisible()
    await expect(panel.getByRole('button', { name: 'Accept this host key' })).toBeHidden()
    const stored = await api.call('servers:get', { id: serverId })
    expect(stored.hostKeyFingerprint).toBe(ssh.hostKeyFingerprint)
  })

  await test.step('generates a key', async () => {
    await nav.getByRole('link', { name: 'SSH keys' }).click()
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Generate key' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Generate key' })
    await textbox(dialog, 'Label').fill(KEY_LABEL)
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expectNotification(page, `Key ${KEY_LABEL} generated`)
    await expect(main.getByRole('row').filter({ hasText: KEY_LABEL })).toContainText('SHA256:')
  })

  await test.step('installs it on the server with a one-time password', async () => {
    const row = main.getByRole('row').filter({ hasText: KEY_LABEL })
    await row.getByRole('button', { name: 'Install on server' }).click()
    const dialog = page.getByRole('dialog', { name: `Install ${KEY_LABEL} on a server` })
    await choose(page, dialog.getByRole('combobox', { name: 'Server' }), 'web1')
    const [key] = await api.call('keys:list', {})
    await expect(dialog.getByText(key!.publicKey)).toBeVisible()
    await expect(dialog.getByText('Used once for this login, never stored.')).toBeVisible()
    await dialog.getByLabel('Password of root').fill(PASSWORD)
    await expect(
      dialog.getByRole('checkbox', { name: 'Use this key for scripts on web1' }),
    ).toBeChecked()
    await saveScreenshot(page, 'key-install-dialog', testInfo)
    await dialog.getByRole('button', { name: 'Install key' }).click()

    await expect(dialog).toBeHidden({ timeout: 20_000 })
    await expectNotification(page, `Key ${KEY_LABEL} installed on web1`)
    await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible()
    expect(ssh.exec('cat ~/.ssh/authorized_keys')).toContain(key!.publicKey.split(' ')[1])
    expect((await api.call('servers:get', { id: serverId })).keyId).toBe(key!.id)
  })

  await test.step('checks that the server answers, now with a way in', async () => {
    await nav.getByRole('link', { name: 'Servers' }).click()
    await expectPageReady(page)
    const row = main.getByRole('row').filter({ hasText: 'web1' })
    await expect(row.getByText(`accepted ${ssh.hostKeyFingerprint}`)).toBeVisible()
    await main.getByRole('button', { name: 'Check all' }).click()
    await expect(row.getByText('Reachable', { exact: true })).toBeVisible()
    await expect(row.getByText(/^\d+ ms$/)).toBeVisible()
    await expect(row.getByText(/^up .+ · load [\d. ]+$/)).toBeVisible()
    await saveScreenshot(page, 'servers-list', testInfo)
  })

  await test.step('routes the account-file backend to the server, fixing a bad match', async () => {
    await nav.getByRole('link', { name: 'Routes' }).click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'New route' }).first().click()
    const form = page.getByRole('form', { name: 'New route' })
    await expectPageReady(page)

    await choose(page, form.getByRole('combobox', { name: 'Backend' }), 'Account file')
    const help = main.getByRole('complementary', { name: 'About the backend' })
    await expect(help.getByText('/etc/orchestra/accounts/<username>.json')).toBeVisible()
    await expect(help.getByText('account.username', { exact: true })).toBeVisible()
    const match = textbox(form, 'Match')
    await expect(match).toHaveValue('true')
    await choose(page, form.getByRole('combobox', { name: 'Server' }), 'web1')

    await match.fill('account.foo == "x"')
    await form.getByRole('button', { name: 'Create route' }).click()
    await expect(match).toHaveAttribute('aria-invalid', 'true')
    await expect(match).toHaveAccessibleDescription(/No such key: foo/)
    await saveScreenshot(page, 'route-form-expression-error', testInfo)
    expect(await api.call('routes:list', {})).toEqual([])

    await match.fill('account.isActive')
    await form.getByRole('button', { name: 'Create route' }).click()
    await expect(page).toHaveURL(/#\/routes$/)
    await expectNotification(page, 'Route Account file on web1 created')
    const row = main.getByRole('row').filter({ hasText: 'Account file' })
    await expect(row.getByRole('cell', { name: 'account.isActive' })).toBeVisible()
  })

  await test.step('creates an account and watches its change reach the server', async () => {
    await nav.getByRole('link', { name: 'Accounts' }).click()
    await main.getByRole('link', { name: 'New account' }).first().click()
    const form = page.getByRole('form', { name: 'New account' })
    await textbox(form, 'Username').fill('ana')
    await textbox(form, 'Full name').fill('Ana Puig')
    await textbox(form, 'Email').fill('ana@puig.example')
    const contact = form.getByRole('group', { name: 'Contact 1' })
    await textbox(contact, 'Contact short name').fill('Ana')
    await textbox(contact, 'Contact email').fill('ana@puig.example')
    await form.getByRole('button', { name: 'Create account' }).click()

    // The header opens the run's logs by itself, and follows their states.
    const runs = page.getByRole('region', { name: 'Sent to servers' })
    const entry = runs.getByRole('link', { name: /^Account file on web1 \(#\d+\)$/ })
    await expect(entry).toBeVisible()
    await expect(runs.getByText('Success', { exact: true })).toBeVisible({ timeout: 30_000 })
    await saveScreenshot(page, 'run-indicator', testInfo)
    await expect
      .poll(() => accountFile('ana'), { timeout: 10_000 })
      .toMatchObject({
        username: 'ana',
        fullName: 'Ana Puig',
        active: true,
      })

    // Clicking elsewhere closes the list; the header button opens it again.
    await expectNotification(page, 'Account ana created')
    await expect(runs).toBeHidden()
    // The account's system users have no route here, so the header counts them as not routed.
    await page
      .getByRole('banner')
      .getByRole('button', { name: /Sent to servers|changes? not routed/ })
      .click()
    await entry.click()
    await expect(runs).toBeHidden()
  })

  let firstLog = 0
  await test.step('reads the log: operations, script and output', async () => {
    await expect(page).toHaveURL(/#\/logs\/\d+$/)
    firstLog = Number(/logs\/(\d+)$/.exec(page.url())![1])
    await expect(main.getByRole('heading', { name: `Log #${firstLog}`, level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('Account file on web1')).toBeVisible()

    const operations = main.getByRole('region', { name: 'Operations' })
    await expect(operations.getByRole('link', { name: 'ana' })).toHaveAttribute(
      'href',
      /#\/accounts\/\d+$/,
    )
    const script = main.getByRole('region', { name: 'Script' })
    await expect(script).toContainText('/etc/orchestra/accounts/ana.json')
    await expect(main.getByRole('region', { name: 'Output' })).toContainText(
      /Nothing was printed|\S/,
    )
    await saveScreenshot(page, 'log-detail', testInfo, { fullPage: true })
  })

  await test.step('retries the log and sees the new one succeed', async () => {
    ssh.exec('rm /etc/orchestra/accounts/ana.json')
    await main.getByRole('button', { name: 'Retry' }).click()

    await expect(page).not.toHaveURL(new RegExp(`#/logs/${firstLog}$`))
    await expect(page).toHaveURL(/#\/logs\/\d+$/)
    await expect(main.getByRole('link', { name: `#${firstLog}`, exact: true })).toBeVisible()
    await expect(main.getByText('Success', { exact: true }).first()).toBeVisible({
      timeout: 30_000,
    })
    await expect
      .poll(() => accountFile('ana'), { timeout: 10_000 })
      .toMatchObject({
        username: 'ana',
      })
  })

  await test.step('finds both logs in the list and on the account page', async () => {
    await nav.getByRole('link', { name: 'Backend logs' }).click()
    await expect(main.getByRole('heading', { name: 'Backend logs', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const rows = main.getByRole('row').filter({ hasText: 'Account file' })
    await expect(rows).toHaveCount(2)
    await main.getByRole('searchbox', { name: 'Search logs' }).fill('accounts/ana.json')
    await expectPageReady(page)
    await expect(rows).toHaveCount(2)
    await saveScreenshot(page, 'logs-list', testInfo)

    await rows.first().getByRole('link', { name: 'ana' }).click()
    await expect(main.getByRole('heading', { name: 'ana', level: 2 })).toBeVisible()
    await main.getByRole('tab', { name: 'Backend logs' }).click()
    const logs = main.getByRole('region', { name: 'Latest backend logs for this account' })
    await expect(logs.getByRole('row').filter({ hasText: 'Account file' })).toHaveCount(2)
  })

  await test.step('sees a slow script print live on an asynchronous route', async () => {
    // The account-file script prints nothing. So that there is output to watch, root's shell
    // on this test server prints a line a second before each script (sshd's bash reads
    // .bashrc, and BASH_ENV makes the script's own bash read the printing file first).
    ssh.exec(
      `echo 'export BASH_ENV=$HOME/.slow' > ~/.bashrc && ` +
        `echo 'for i in 1 2 3; do echo "warming up $i"; sleep 1; done' > ~/.slow`,
    )
    await nav.getByRole('link', { name: 'Routes' }).click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'Account file' }).click()
    const form = page.getByRole('form', { name: 'Route: Account file on web1' })
    await expect(form.getByRole('combobox', { name: 'Backend' })).toBeDisabled()
    await form.getByRole('switch', { name: 'Asynchronous' }).check()
    await form.getByRole('button', { name: 'Save changes' }).click()
    await expectNotification(page, 'Route Account file on web1 saved')
    await expect(main.getByRole('row').filter({ hasText: 'Account file' })).toContainText(
      'All actions',
    )

    await nav.getByRole('link', { name: 'Accounts' }).click()
    await main.getByRole('link', { name: 'ana', exact: true }).click()
    await main.getByRole('link', { name: 'Edit', exact: true }).click()
    const edit = page.getByRole('form', { name: 'Edit ana' })
    await textbox(edit, 'Full name').fill('Ana Puig Serra')
    await edit.getByRole('button', { name: 'Save changes' }).click()

    // Saved at once; the script runs in the background. Its log shows the lines as they come.
    const runs = page.getByRole('region', { name: 'Sent to servers' })
    await runs
      .getByRole('link', { name: /^Account file on web1/ })
      .first()
      .click()
    await expect(main.getByRole('heading', { name: /^Log #\d+$/, level: 2 })).toBeVisible()
    const output = main.getByRole('region', { name: 'Output' })
    await expect(output).toContainText('warming up 1')
    await expect(output.getByText('live', { exact: true })).toBeVisible()
    await saveScreenshot(page, 'log-live-output', testInfo)
    await expect(main.getByText('Success', { exact: true }).first()).toBeVisible({
      timeout: 15_000,
    })
    await expect(output).toContainText('warming up 1\nwarming up 2\nwarming up 3')
    await expect(output.getByText('live', { exact: true })).toBeHidden()
    await expect.poll(() => accountFile('ana')).toMatchObject({ fullName: 'Ana Puig Serra' })
  })
})
