import type { Locator, Page } from '@playwright/test'
import { expect, expectPageReady, saveScreenshot, test } from './fixtures'

// Mail end to end over the bridge, without a route: nothing is sent to a server.

async function pick(page: Page, combobox: Locator, typed: string, option: string) {
  await combobox.fill(typed)
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('an operator adds a mailbox and its address, sees them on the account, deletes them', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const created = await api.call('accounts:create', {
    username: 'buecher',
    fullName: 'Bücher Müller',
    email: 'info@buecher.example',
    contacts: [{ shortName: 'Jana', email: 'jana@buecher.example' }],
  })
  await api.call('domains:create', { name: 'bücher.de', accountId: created.account.id })

  await test.step('creates the mailbox alice with a password', async () => {
    await nav.getByRole('link', { name: 'Mailboxes' }).click()
    await expect(main.getByRole('heading', { name: 'Mailboxes', level: 2 })).toBeVisible()
    await main.getByRole('link', { name: 'New mailbox' }).click()
    const form = page.getByRole('form', { name: 'New mailbox' })
    await pick(page, form.getByRole('combobox', { name: 'Account' }), 'buech', 'buecher')
    await form.getByRole('textbox', { name: 'Name' }).fill('Alice')
    await form.getByRole('textbox', { name: 'Password' }).fill('correct horse battery')
    await form.getByRole('button', { name: 'Create mailbox' }).click()
    await expect(main.getByRole('heading', { name: 'alice', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('tab', { name: 'History' }).click()
    await expect(main.getByRole('tabpanel').getByText('Added')).toBeVisible()
  })

  await test.step('disables both mailboxes from the list, then enables them again', async () => {
    await api.call('mailboxes:create', {
      accountId: created.account.id,
      name: 'bob',
      password: 'another horse',
    })
    await nav.getByRole('link', { name: 'Mailboxes' }).click()
    // The list's own heading first: until then the mailbox page is still the one shown.
    await expect(main.getByRole('heading', { name: 'Mailboxes', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('checkbox', { name: 'Select all on this page' }).check()
    const bar = page.getByRole('group', { name: 'Selected rows' })
    await bar.getByRole('button', { name: 'Disable' }).click()
    await expect(main.getByText('Disabled')).toHaveCount(2)
    // The toolbar's state filter: no mailbox is active now, and clearing brings both back.
    await main.getByRole('combobox', { name: 'State' }).click()
    await page.getByRole('option', { name: 'Active', exact: true }).click()
    await expect(page).toHaveURL(/active=1/)
    await expect(main.getByText('Nothing matches these filters')).toBeVisible()
    await saveScreenshot(page, 'mailboxes-state-filter', testInfo)
    await main.getByRole('button', { name: 'Clear filters' }).click()
    await expect(main.getByText('Disabled')).toHaveCount(2)
    await main.getByRole('checkbox', { name: 'Select all on this page' }).check()
    await bar.getByRole('button', { name: 'Enable' }).click()
    await expect(main.getByText('Active', { exact: true })).toHaveCount(2)
    const { rows } = await api.call('mailboxes:list', {})
    expect(rows.map((row) => row.isActive)).toEqual([true, true])
    await api.call('mailboxes:delete', { ids: [rows.find((row) => row.name === 'bob')!.id] })
  })

  await test.step('is told inline that an address needs a mailbox or a forward', async () => {
    await nav.getByRole('link', { name: 'Mail addresses' }).click()
    await main.getByRole('link', { name: 'New address' }).click()
    const form = page.getByRole('form', { name: 'New mail address' })
    await pick(page, form.getByRole('combobox', { name: 'Account' }), 'buech', 'buecher')
    await form.getByRole('textbox', { name: 'Local part' }).fill('info')
    await pick(page, form.getByRole('combobox', { name: 'Domain' }), 'bü', 'bücher.de')
    await form.getByRole('button', { name: 'Create address' }).click()
    const mailboxes = form.getByRole('combobox', { name: 'Mailboxes' })
    await expect(mailboxes).toHaveAttribute('aria-invalid', 'true')
    await expect(mailboxes).toHaveAccessibleDescription(/needs a mailbox or a forward/i)
    await saveScreenshot(page, 'mail-address-inline-error', testInfo)
    expect((await api.call('mailAddresses:list', {})).total).toBe(0)

    await mailboxes.click()
    await page.getByRole('option', { name: 'alice', exact: true }).click()
    await form.getByRole('button', { name: 'Create address' }).click()
    await expect(main.getByRole('heading', { name: 'info@bücher.de', level: 2 })).toBeVisible()
    await expect(main.getByText('info@xn--bcher-kva.de')).toBeVisible()
    await expectPageReady(page)
  })

  await test.step('sees both on the account page', async () => {
    await main.getByRole('link', { name: 'buecher' }).click()
    const section = main.getByRole('region', { name: 'Mail', exact: true })
    await expect(section.getByRole('link', { name: 'alice' })).toBeVisible()
    await expect(section.getByRole('link', { name: 'info@bücher.de' })).toBeVisible()
    await section.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'mail-account-section', testInfo)
  })

  await test.step('deletes the address, then the mailbox', async () => {
    const section = main.getByRole('region', { name: 'Mail', exact: true })
    await section.getByRole('link', { name: 'info@bücher.de' }).click()
    await expect(main.getByRole('heading', { name: 'info@bücher.de', level: 2 })).toBeVisible()
    await main.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    await expect(main.getByRole('heading', { name: 'Mail addresses', level: 2 })).toBeVisible()
    expect((await api.call('mailAddresses:list', {})).total).toBe(0)

    await nav.getByRole('link', { name: 'Mailboxes' }).click()
    await expect(main.getByRole('heading', { name: 'Mailboxes', level: 2 })).toBeVisible()
    await main.getByRole('link', { name: 'alice' }).click()
    await expect(main.getByRole('heading', { name: 'alice', level: 2 })).toBeVisible()
    await main.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    await expect(main.getByRole('heading', { name: 'Mailboxes', level: 2 })).toBeVisible()
    expect((await api.call('mailboxes:list', {})).total).toBe(0)
  })
})
