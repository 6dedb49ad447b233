import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'

// System users end to end over the bridge, without a route: what is stored and refused is
// shown; the servers' side is covered against a real sshd in the unix-user backend tests.

test('an account brings its main user; an extra user comes and goes, the main one stays', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const { account } = await api.call('accounts:create', {
    username: 'joe',
    fullName: 'Joe Ferrer',
    email: 'joe@example.net',
    contacts: [{ shortName: 'Joe', email: 'joe@example.net' }],
  })

  await test.step('the account page lists its main and CGI users', async () => {
    await nav.getByRole('link', { name: 'Accounts' }).click()
    // The list's own heading first: until then the dashboard, which links joe twice, is shown.
    await expect(main.getByRole('heading', { name: 'Accounts', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'joe', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'joe', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const section = main.getByRole('region', { name: 'System users' })
    await expect(section.getByRole('link', { name: 'joe', exact: true })).toBeVisible()
    await expect(section.getByRole('link', { name: 'joe-cgi', exact: true })).toBeVisible()
    await expect(section.getByText('Main', { exact: true })).toBeVisible()
    await section.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'system-users-account-section', testInfo)
  })

  await test.step('the system users list shows them with their roles and homes', async () => {
    await nav.getByRole('link', { name: 'System users' }).click()
    await expect(main.getByRole('heading', { name: 'System users', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const row = main.getByRole('row').filter({ hasText: 'joe-cgi' })
    await expect(row).toContainText('CGI')
    await expect(row).toContainText('/home/joe')
  })

  await test.step('adds an extra user after an inline error on a non-UNIX name', async () => {
    await main.getByRole('link', { name: 'New system user' }).first().click()
    const form = page.getByRole('form', { name: 'New system user' })
    const accountBox = form.getByRole('combobox', { name: 'Account' })
    await accountBox.fill('jo')
    await page.getByRole('option', { name: 'joe', exact: true }).click()
    const username = form.getByRole('textbox', { name: 'Username' })
    await username.fill('-rf')
    await form.getByRole('button', { name: 'Create user' }).click()
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    await expect(username).toBeFocused()
    await saveScreenshot(page, 'system-user-form-inline-error', testInfo)
    await username.fill('joeftp')
    await form.getByLabel('Password', { exact: true }).fill("it's $(secret)")
    await form.getByRole('button', { name: 'Create user' }).click()
    await expect(main.getByRole('heading', { name: 'joeftp', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('Set (stored as its hash)')).toBeVisible()
    await expect(main.getByText('/home/joeftp')).toBeVisible()
    await saveScreenshot(page, 'system-user-page', testInfo)
  })

  await test.step('deleting the main user is refused and names it', async () => {
    await nav.getByRole('link', { name: 'System users' }).click()
    await expect(main.getByRole('heading', { name: 'System users', level: 2 })).toBeVisible()
    await expectPageReady(page)
    // The username column comes before the account column, which links "joe" too.
    await main.getByRole('link', { name: 'joe', exact: true }).first().click()
    await expect(main.getByRole('heading', { name: 'joe', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete user' }).click()
    await expectNotification(page, /joe: an account's main and CGI users are deleted only/)
    expect((await api.call('systemUsers:list', { accountId: account.id })).total).toBe(3)
  })

  await test.step('the list refuses a bulk delete with the main user in it', async () => {
    await nav.getByRole('link', { name: 'System users' }).click()
    await expect(main.getByRole('heading', { name: 'System users', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('checkbox', { name: 'Select joe', exact: true }).check()
    await main.getByRole('checkbox', { name: 'Select joeftp' }).check()
    const bar = page.getByLabel('Selected system users')
    await expect(bar).toContainText('2 selected')
    await expect(bar.getByRole('button', { name: 'Clear selection' })).toBeVisible()
    await saveScreenshot(page, 'system-users-bulk-bar', testInfo)
    await bar.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText("joe: an account's main and CGI users go only with")
    await saveScreenshot(page, 'system-users-bulk-delete-refused', testInfo)
    await dialog.getByRole('button', { name: 'Delete users' }).click()
    await expectNotification(page, /joe: an account's main and CGI users/)
    expect((await api.call('systemUsers:list', { accountId: account.id })).total).toBe(3)
  })

  await test.step('deletes the extra user from its page', async () => {
    await main.getByRole('link', { name: 'joeftp' }).click()
    await expect(main.getByRole('heading', { name: 'joeftp', level: 2 })).toBeVisible()
    await main.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete user' }).click()
    await expectNotification(page, 'System user joeftp deleted')
    await expectPageReady(page)
    await expect(main.getByRole('link', { name: 'joeftp' })).toHaveCount(0)
    const left = await api.call('systemUsers:list', { accountId: account.id })
    expect(left.rows.map((row) => row.username)).toEqual(['joe', 'joe-cgi'])
  })
})
