import type { Page } from '@playwright/test'
import { expect, expectPageReady, saveScreenshot, test, type BridgeApi } from './fixtures'

// The billing run of a selection (spec billing 4.4 and 6.1): the clerk picks the orders of one
// account in the list of orders, takes one related order in the wizard, and the preview bills
// exactly those; a run of picked accounts bills only theirs.

/**
 * Mailboxes at 12.00 a year from the day they are registered, the first of an account free:
 * ana gets three, bea one. Each item's save gives it its order.
 */
async function seed(api: BridgeApi) {
  await api.call('miscServices:create', { name: 'mailbox', verboseName: 'Mailbox' })
  const service = await api.call('billingServices:create', {
    description: 'Mailbox',
    contentType: 'miscellaneous',
    match: "miscellaneous.service.name == 'mailbox'",
    billingPoint: 'ON_REGISTER',
    pricingPeriod: '',
    ignorePeriod: '',
    nominalPrice: '12.00',
    tax: '21',
    orderDescription: "'Mailbox ' + miscellaneous.identifier",
  })
  const plan = await api.call('plans:create', { name: 'basic', isDefault: true })
  await api.call('rates:create', {
    serviceId: service.id,
    planId: plan.id,
    quantity: 1,
    price: '0',
  })
  await api.call('rates:create', {
    serviceId: service.id,
    planId: plan.id,
    quantity: 2,
    price: '12',
  })

  const [misc] = (await api.call('miscServices:list', {})).rows
  for (const [username, items] of [
    ['ana', ['ana1', 'ana2', 'ana3']],
    ['bea', ['bea1']],
  ] as const) {
    const { account } = await api.call('accounts:create', {
      username,
      fullName: `${username} Puig`,
      email: `${username}@example.net`,
      contacts: [{ shortName: username, email: `${username}@example.net` }],
    })
    for (const identifier of items) {
      await api.call('miscellaneous:create', {
        serviceId: misc!.id,
        accountId: account.id,
        identifier,
      })
    }
  }
}

async function pickAccount(page: Page, label: string, username: string) {
  await page.getByRole('main').getByRole('combobox', { name: label }).fill(username)
  await page.getByRole('option', { name: username, exact: true }).click()
}

test('a selected order billed with one related order previews exactly those lines', async ({
  app: page,
  api,
}, testInfo) => {
  await seed(api)
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })

  await test.step('selects ana’s third mailbox in the orders and bills it', async () => {
    await nav.getByRole('link', { name: 'Orders' }).click()
    await expectPageReady(page)
    await pickAccount(page, 'Account', 'ana')
    await expectPageReady(page)
    await expect(main.getByText('Mailbox bea1')).toBeHidden()
    await main.getByRole('checkbox', { name: 'Select ana3' }).check()
    await page.getByRole('button', { name: 'Bill selected' }).click()
    await expect(main.getByRole('heading', { name: 'Run billing', level: 2 })).toBeVisible()
    const selected = main.getByLabel('Selected orders')
    await expect(selected).toContainText('Billing 1 selected order')
    await expect(selected).toContainText('ana · Mailbox · Mailbox ana3')
    await saveScreenshot(page, 'billing-run-selection-options', testInfo, { fullPage: true })
  })

  await test.step('offers ana’s other mailboxes and takes the first', async () => {
    await main.getByRole('button', { name: 'Next: related orders' }).click()
    await expectPageReady(page)
    const related = main.getByRole('table', { name: 'Related orders' })
    await expect(related.getByRole('row')).toHaveCount(3)
    await expect(related).toContainText('Mailbox ana1')
    await expect(related).toContainText('Mailbox ana2')
    await related.getByRole('checkbox', { name: 'Bill Mailbox ana1 too' }).check()
    await expect(main.getByText('1 of 2 related orders will be billed')).toBeVisible()
    await saveScreenshot(page, 'billing-run-selection-related', testInfo, { fullPage: true })
  })

  await test.step('previews the selected and the related order, priced by position', async () => {
    await main.getByRole('button', { name: 'Preview', exact: true }).click()
    await expectPageReady(page)
    await expect(main.getByText(/^1 account, 2 lines, 14\.52 € in all/)).toBeVisible()
    const ana = main.getByLabel('ana', { exact: true })
    const rows = ana.getByRole('row')
    // The header, then the first mailbox (the free unit) and the selected one, which now pays.
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(1)).toContainText('Mailbox ana1')
    await expect(rows.nth(1)).toContainText('Discount per plan -12.00 €')
    await expect(rows.nth(1)).toContainText('0.00')
    await expect(rows.nth(2)).toContainText('Mailbox ana3')
    await expect(rows.nth(2)).toContainText('12.00')
    await expect(main.getByLabel('bea', { exact: true })).toHaveCount(0)
    await saveScreenshot(page, 'billing-run-selection-preview', testInfo, { fullPage: true })
  })
})

test('a run of one picked account bills only that account', async ({ app: page, api }, info) => {
  await seed(api)
  const main = page.getByRole('main')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', {
      name: 'Bills',
      exact: true,
    })
    .click()
  await main.getByRole('link', { name: 'Run billing' }).click()
  await expect(main.getByRole('heading', { name: 'Run billing', level: 2 })).toBeVisible()
  await pickAccount(page, 'Accounts', 'bea')
  await page.keyboard.press('Escape')
  await saveScreenshot(page, 'billing-run-accounts', info, { fullPage: true })
  await main.getByRole('button', { name: 'Preview', exact: true }).click()
  await expectPageReady(page)
  await expect(main.getByText(/^1 account, 1 line, 0\.00 € in all/)).toBeVisible()
  await expect(main.getByLabel('bea', { exact: true })).toContainText('Mailbox bea1')
  await expect(main.getByLabel('ana', { exact: true })).toHaveCount(0)
})
