import type { Page } from '@playwright/test'
import { expect, expectPageReady, saveScreenshot, test, type BridgeApi } from './fixtures'

// Service definitions, plans, rates and orders as a billing clerk meets them (spec billing 2
// to 4): a service priced through its form, a plan with a rate, and orders after "Update
// orders". The billed objects are accounts, which need no server.

async function createAccount(api: BridgeApi, username: string) {
  const { account } = await api.call('accounts:create', {
    username,
    fullName: `${username} Ferrer`,
    email: `${username}@example.net`,
    contacts: [{ shortName: username, email: `${username}@example.net` }],
  })
  return account
}

async function pick(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  label: string,
  option: string,
) {
  await scope.getByRole('combobox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('a service priced in its form, a plan with a rate, and orders after an update', async ({
  app: page,
  api,
}, testInfo) => {
  const ana = await createAccount(api, 'ana')
  await createAccount(api, 'bob')
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })

  await test.step('a bad match is refused on its field, then the service is created', async () => {
    await nav.getByRole('link', { name: 'Services', exact: true }).last().click()
    await expect(main.getByRole('heading', { name: 'Services', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No services yet')).toBeVisible()
    await main.getByRole('link', { name: 'New service' }).click()
    const form = page.getByRole('form', { name: 'New service' })
    await form.getByRole('textbox', { name: 'Description', exact: true }).fill('Hosting account')
    await pick(page, form, 'Billed object', 'Account')
    const match = form.getByRole('textbox', { name: 'Match', exact: true })
    await match.fill('account.is_active ==')
    await form.getByRole('textbox', { name: 'Price', exact: true }).fill('120')
    await expect(page.getByRole('complementary', { name: 'How a service is billed' })).toBeVisible()
    await form.getByRole('button', { name: 'Create service' }).click()
    await expect(match).toHaveAttribute('aria-invalid', 'true')
    await saveScreenshot(page, 'billing-service-form-error', testInfo, { fullPage: true })
    await match.fill('account.is_active')
    await form.getByRole('button', { name: 'Create service' }).click()
    await expect(main.getByRole('heading', { name: 'Hosting account', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('Account · Annual · 120.00')).toBeVisible()
    await saveScreenshot(page, 'billing-service-page', testInfo)
  })

  await test.step('a plan is contracted once, and a second contract is refused', async () => {
    await nav.getByRole('link', { name: 'Plans' }).click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'New plan' }).click()
    const form = page.getByRole('form', { name: 'New plan' })
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('professional')
    await form.getByRole('textbox', { name: 'Shown as' }).fill('Professional')
    await form.getByRole('button', { name: 'Create plan' }).click()
    await expect(main.getByRole('heading', { name: 'Professional', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const contracts = main.getByRole('region', { name: 'Contracted by' })
    for (const attempt of [1, 2]) {
      await contracts.getByRole('combobox', { name: 'Account' }).fill('an')
      await page.getByRole('option', { name: 'ana', exact: true }).click()
      await contracts.getByRole('button', { name: 'Contract', exact: true }).click()
      if (attempt === 1) await expect(contracts.getByRole('link', { name: 'ana' })).toBeVisible()
    }
    await expect(contracts.getByText(/already has the plan professional/)).toBeVisible()
    await saveScreenshot(page, 'billing-plan-page', testInfo, { fullPage: true })
    await nav.getByRole('link', { name: 'Plans' }).click()
    await expectPageReady(page)
    await expect(main.getByRole('row', { name: /^professional Professional/ })).toBeVisible()
    await saveScreenshot(page, 'billing-plans-list', testInfo)
  })

  await test.step('the service gets a rate; one above the price is warned about', async () => {
    await nav.getByRole('link', { name: 'Services', exact: true }).last().click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'Hosting account' }).click()
    await expectPageReady(page)
    await main.getByRole('tab', { name: 'Rates' }).click()
    const table = main.getByRole('table', { name: 'Rate table' })
    await table.getByRole('textbox', { name: 'Price of the new rate' }).fill('90')
    await table.getByRole('button', { name: 'Add rate' }).click()
    const first = table.getByRole('row', { name: 'Rate of Professional from unit 0' })
    await expect(first.getByRole('textbox', { name: 'Price' })).toHaveValue('90.00')
    await table.getByRole('textbox', { name: 'From unit of the new rate' }).fill('3')
    await table.getByRole('textbox', { name: 'Price of the new rate' }).fill('150')
    await table.getByRole('button', { name: 'Add rate' }).click()
    await expect(main.getByText('Saved, but the table reads oddly')).toBeVisible()
    const above = table.getByRole('row', { name: 'Rate of Professional from unit 3' })
    await expect(above.getByRole('status')).toBeVisible()
    await saveScreenshot(page, 'billing-rate-table', testInfo, { fullPage: true })
  })

  await test.step('update orders lists a new order per account, then applies it', async () => {
    await main.getByRole('tab', { name: 'Update orders' }).click()
    await main.getByRole('button', { name: 'Dry run' }).click()
    const dryRun = main.getByRole('table', { name: 'What the update would do' })
    await expect(dryRun.getByRole('row', { name: /ana.*Create/ })).toBeVisible()
    await expect(dryRun.getByRole('row', { name: /bob.*Create/ })).toBeVisible()
    await expect(
      main.getByText('To create: 2 · to update: 0 · to cancel: 0 · errors: 0'),
    ).toBeVisible()
    await saveScreenshot(page, 'billing-update-orders-dry-run', testInfo, { fullPage: true })
    await main.getByRole('button', { name: 'Apply' }).click()
    await expect(main.getByRole('status').filter({ hasText: /^Done: 2 created/ })).toBeVisible()
    await expect(main.getByRole('progressbar', { name: 'Progress of the update' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    )
    await saveScreenshot(page, 'billing-update-orders-done', testInfo, { fullPage: true })
  })

  await test.step('the orders list shows them, and an ignored one is hidden', async () => {
    await main.getByRole('link', { name: 'See the orders' }).click()
    await expect(main.getByRole('heading', { name: 'Orders', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByRole('link', { name: 'ana', exact: true }).first()).toBeVisible()
    await expect(main.getByRole('row')).toHaveCount(3)
    await saveScreenshot(page, 'billing-orders-list', testInfo, { fullPage: true })
    const orders = await api.call('orders:list', { accountId: ana.id })
    expect(orders.rows.map((row) => row.serviceDescription)).toEqual(['Hosting account'])
    await main.getByRole('checkbox', { name: 'Select bob' }).check()
    await page.getByRole('button', { name: 'Mark ignored' }).click()
    await expect(main.getByRole('row')).toHaveCount(2)
    await main.getByRole('link', { name: 'ana', exact: true }).first().click()
    await expect(main.getByRole('heading', { name: 'ana', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('Last measured values')).toBeVisible()
    await saveScreenshot(page, 'billing-order-page', testInfo, { fullPage: true })
  })

  await test.step('the list counts active orders; a clone is disabled, then deleted', async () => {
    await nav.getByRole('link', { name: 'Services', exact: true }).last().click()
    await expectPageReady(page)
    const row = main.getByRole('row', { name: /^Hosting account/ })
    await expect(row).toContainText('Account')
    await expect(row.getByRole('link', { name: '2', exact: true })).toBeVisible()
    await saveScreenshot(page, 'billing-services-list', testInfo)
    await row.getByRole('link', { name: 'Hosting account' }).click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'Clone' }).click()
    const form = page.getByRole('form', { name: 'New service from a copy' })
    const description = form.getByRole('textbox', { name: 'Description', exact: true })
    await expect(description).toHaveValue('Hosting account (copy)')
    await expect(form.getByRole('textbox', { name: 'Match', exact: true })).toHaveValue(
      'account.is_active',
    )
    await description.fill('Hosting account, second')
    await form.getByRole('button', { name: 'Create service' }).click()
    await expect(main.getByRole('heading', { name: 'Hosting account, second' })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Disable' }).click()
    await expect(main.getByText('Disabled', { exact: true })).toBeVisible()
    await main.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete service' }).click()
    await expect(main.getByRole('heading', { name: 'Services', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByRole('row')).toHaveCount(2)
  })
})
