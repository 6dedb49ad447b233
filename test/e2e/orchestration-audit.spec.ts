import { mkdir } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { expect, expectPageReady, startBridge, test, waitForApp } from './fixtures'
import { routeAccountsTo, useSshServerAndKeychain } from './orchestration-setup'

// What an operator checks before a change reaches the servers, and what an auditor takes away
// afterwards: the scripts a change would send (on a real OpenSSH server's route), the logs
// exported into a file, and that file opened read-only by another copy of the app.

const SHOTS = '/tmp/shots/ui2'
const sshServer = useSshServerAndKeychain()

function textbox(scope: Locator, label: string) {
  return scope.getByRole('textbox', { name: label, exact: true })
}

async function fillNewAccount(page: Page, username: string) {
  const form = page.getByRole('form', { name: 'New account' })
  await textbox(form, 'Username').fill(username)
  await textbox(form, 'Full name').fill('Bea Soler')
  await textbox(form, 'Email').fill('bea@soler.example')
  const contact = form.getByRole('group', { name: 'Contact 1' })
  await textbox(contact, 'Contact short name').fill('Bea')
  await textbox(contact, 'Contact email').fill('bea@soler.example')
  return form
}

function accountFileExists(username: string): boolean {
  try {
    sshServer().exec(`test -f /etc/orchestra/accounts/${username}.json`)
    return true
  } catch {
    return false
  }
}

test('previews the scripts of a new account and of an edit before applying them', async ({
  app: page,
  api,
}) => {
  test.setTimeout(90_000)
  const main = page.getByRole('main')
  await routeAccountsTo(api, sshServer(), { match: 'account.type != "STAFF"' })
  await api.call('accounts:create', {
    username: 'ana',
    fullName: 'Ana Puig',
    email: 'ana@puig.example',
    contacts: [{ shortName: 'Ana', email: 'ana@puig.example' }],
  })

  await test.step('a preview refused by the core shows its error under the field', async () => {
    await page.goto('/#/accounts/new')
    await expectPageReady(page)
    const form = await fillNewAccount(page, 'ana')
    await form.getByRole('button', { name: 'Preview on servers' }).click()
    const username = textbox(form, 'Username')
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    await expect(username).toHaveAccessibleDescription(/already taken/)
    await expect(page.getByRole('dialog')).toBeHidden()
  })

  await test.step('lists the server, the operations and the script, changing nothing', async () => {
    const form = page.getByRole('form', { name: 'New account' })
    await textbox(form, 'Username').fill('bea')
    await form.getByRole('button', { name: 'Preview on servers' }).click()
    const dialog = page.getByRole('dialog', { name: 'What this change would send to servers' })
    const card = dialog.getByRole('region', { name: 'Account file on web1' })
    await expect(card.getByText('save bea', { exact: true })).toBeVisible()
    await expect(card.getByText(sshServer().address)).toBeVisible()
    await expect(card).toContainText('/etc/orchestra/accounts/bea.json')
    await mkdir(SHOTS, { recursive: true })
    await page.screenshot({ path: `${SHOTS}/preview-modal.png`, animations: 'disabled' })

    expect((await api.call('accounts:list', { q: 'bea' })).total).toBe(0)
    expect(accountFileExists('bea')).toBe(false)
    await dialog.getByRole('button', { name: 'Create account' }).click()
    await expect(page).toHaveURL(/#\/accounts\/\d+$/)
    await expect(main.getByRole('heading', { name: 'bea', level: 2 })).toBeVisible()
    await expect.poll(() => accountFileExists('bea'), { timeout: 20_000 }).toBe(true)
  })

  await test.step('warns about a change no route takes', async () => {
    await main.getByRole('link', { name: 'Edit', exact: true }).click()
    const form = page.getByRole('form', { name: 'Edit bea' })
    await form.getByRole('combobox', { name: 'Type' }).click()
    await page.getByRole('option', { name: 'Staff', exact: true }).click()
    await form.getByRole('button', { name: 'Preview on servers' }).click()
    const dialog = page.getByRole('dialog', { name: 'What this change would send to servers' })
    await expect(dialog.getByText('Saved here only: no route takes these changes')).toBeVisible()
    await expect(dialog.getByText('Account file: no route takes “save bea”')).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/preview-not-routed.png`, animations: 'disabled' })
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()
  })

  await test.step('says so when nothing would be sent', async () => {
    await page.goto('/#/accounts')
    await expectPageReady(page)
    await main.getByRole('link', { name: 'ana', exact: true }).click()
    await main.getByRole('link', { name: 'Edit', exact: true }).click()
    const form = page.getByRole('form', { name: 'Edit ana' })
    await form.getByRole('button', { name: 'Preview on servers' }).click()
    const dialog = page.getByRole('dialog', { name: 'What this change would send to servers' })
    await expect(dialog.getByText('Nothing would be sent to servers')).toBeVisible()
  })
})

test('exports selected logs and opens the file read-only, for audit', async ({
  app: page,
  api,
  dataDir,
}) => {
  test.setTimeout(90_000)
  const main = page.getByRole('main')
  await routeAccountsTo(api, sshServer())
  for (const username of ['carla', 'dani', 'eva']) {
    await api.call('accounts:create', {
      username,
      fullName: `${username} Vidal`,
      email: `${username}@vidal.example`,
      contacts: [{ shortName: username, email: `${username}@vidal.example` }],
    })
  }
  let file = ''

  await test.step('selects two logs and exports them', async () => {
    await page.goto('/#/logs')
    await expect(main.getByRole('heading', { name: 'Backend logs', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const rows = main.getByRole('row').filter({ hasText: 'Account file' })
    await expect(rows).toHaveCount(3)
    await main.getByRole('checkbox', { name: 'Select every log on this page' }).check()
    await rows.filter({ hasText: 'eva' }).getByRole('checkbox').uncheck()
    const bar = page.getByRole('group', { name: 'Selected logs' })
    await expect(bar.getByText('2 logs selected')).toBeVisible()
    await bar.getByRole('button', { name: 'Export selected' }).click()

    const notice = page.getByRole('alert').filter({ hasText: '2 logs exported for an audit' })
    await expect(notice).toBeVisible()
    file = (await notice.locator('code').first().textContent()) ?? ''
    expect(file).toMatch(new RegExp(`^${dataDir}/exports/backend-logs-.+\\.sqlite$`))
    await expect(notice).toContainText('orchestra serve --database <file> --read-only')
    await expect(notice.getByRole('button', { name: 'Copy the file path' })).toBeVisible()
    // Taken once the notification has finished sliding in.
    await expect(notice.getByRole('button', { name: 'Copy the command' })).toBeInViewport({
      ratio: 1,
    })
    await expect(notice).toHaveCSS('opacity', '1')
    await page.screenshot({ path: `${SHOTS}/export-notification.png`, animations: 'disabled' })
  })

  await test.step('another copy opens the file read-only and shows just those logs', async () => {
    const audit = await startBridge(dataDir, ['--database', file, '--read-only'])
    try {
      await page.goto(audit.server.pageUrl)
      await waitForApp(page)
      const header = page.getByRole('banner')
      await expect(header.getByText('Read-only · audit')).toBeVisible()
      await expect(main.getByText('Read-only, for audit', { exact: true })).toBeVisible()

      await page.goto(`${audit.server.url}/#/logs`)
      await expectPageReady(page)
      const rows = main.getByRole('row').filter({ hasText: 'Account file' })
      await expect(rows).toHaveCount(2)
      await expect(rows.filter({ hasText: 'carla' })).toHaveCount(1)
      await expect(rows.filter({ hasText: 'eva' })).toHaveCount(0)
      await page.screenshot({ path: `${SHOTS}/read-only-logs.png`, animations: 'disabled' })

      await page.goto(`${audit.server.url}/#/accounts`)
      await expectPageReady(page)
      await expect(main.getByRole('button', { name: 'New account' }).first()).toBeDisabled()
    } finally {
      await audit.stop()
    }
  })
})
