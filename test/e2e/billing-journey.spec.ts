import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import {
  expect,
  expectPageReady,
  saveScreenshot,
  test,
  type BridgeApi,
  expectNotification,
} from './fixtures'

// Billing as a new user meets it (issue 7): a one-time service defined through its form, an
// item of another service given to two accounts through their page, the billing run previewed
// and confirmed, the bills closed, one invoice printed and saved, and a line of it credited.

const YEAR = new Date().getFullYear()

async function seedAccounts(api: BridgeApi) {
  for (const [username, fullName] of [
    ['ana', 'Ana Puig'],
    ['bea', 'Bea Soler'],
  ] as const) {
    const { account } = await api.call('accounts:create', {
      username,
      fullName,
      email: `${username}@example.net`,
      contacts: [{ shortName: fullName, email: `${username}@example.net` }],
    })
    await api.call('billContacts:update', {
      accountId: account.id,
      name: `${fullName} Serveis SL`,
      vat: 'B12345678',
      address: 'Carrer Major 1',
      zipcode: '08001',
      city: 'Barcelona',
      country: 'ES',
    })
  }
  await api.call('miscServices:create', { name: 'registration', verboseName: 'Registration' })
}

async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('a service defined, two accounts billed, an invoice printed and a line credited', async ({
  app: page,
  api,
}, testInfo) => {
  test.setTimeout(120_000)
  await seedAccounts(api)
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })

  await test.step('defines a one-time service of 15.00 with 21% tax', async () => {
    await nav.getByRole('link', { name: 'Services', exact: true }).last().click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'New service' }).click()
    const form = page.getByRole('form', { name: 'New service' })
    await form.getByRole('textbox', { name: 'Description', exact: true }).fill('Registration')
    await choose(page, form, 'Billed object', 'Other service')
    await form
      .getByRole('textbox', { name: 'Match', exact: true })
      .fill("miscellaneous.service.name == 'registration'")
    await choose(page, form, 'Billing period', 'One-time')
    await choose(page, form, 'Trial period', 'Never')
    await form.getByRole('textbox', { name: 'Price', exact: true }).fill('15')
    await choose(page, form, 'Tax', '21%')
    await form
      .getByRole('textbox', { name: 'Line description' })
      .fill("'Registration of ' + miscellaneous.identifier")
    await form.getByRole('button', { name: 'Create service' }).click()
    await expect(main.getByRole('heading', { name: 'Registration', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'Service Registration created')
  })

  await test.step('gives each account an item, and each item gets its order', async () => {
    for (const [username, identifier] of [
      ['ana', 'ana.example.org'],
      ['bea', 'bea.example.org'],
    ]) {
      await nav.getByRole('link', { name: 'Other services' }).click()
      await expectPageReady(page)
      await main.getByRole('link', { name: 'New service item' }).click()
      const item = page.getByRole('form', { name: 'New service item' })
      await choose(page, item, 'Service', 'Registration')
      await item.getByRole('combobox', { name: 'Account' }).fill(username!)
      await page.getByRole('option', { name: username!, exact: true }).click()
      await item.getByRole('textbox', { name: 'Identifier' }).fill(identifier!)
      await item.getByRole('button', { name: 'Create item' }).click()
      await expect(main.getByRole('heading', { name: identifier, level: 2 })).toBeVisible()
    }
    await nav.getByRole('link', { name: 'Orders' }).click()
    await expectPageReady(page)
    await expect(main.getByText('Registration of ana.example.org')).toBeVisible()
    await expect(main.getByText('Registration of bea.example.org')).toBeVisible()
    await saveScreenshot(page, 'billing-journey-orders', testInfo)
  })

  await test.step('previews the run, then writes and closes the bills', async () => {
    await nav.getByRole('link', { name: 'Bills', exact: true }).click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'Run billing' }).click()
    await main.getByRole('button', { name: 'Preview', exact: true }).click()
    await expectPageReady(page)
    await expect(main.getByLabel('ana', { exact: true })).toContainText('15.00')
    await expect(main.getByText(/^2 accounts, 2 lines/)).toBeVisible()
    expect((await api.call('bills:list', {})).total).toBe(0)
    await saveScreenshot(page, 'billing-journey-preview', testInfo, { fullPage: true })
    await main.getByRole('button', { name: 'Confirm and write bills' }).click()
    await expect(main.getByText(/^2 bills written, 2 orders marked billed/)).toBeVisible()
    await main.getByRole('button', { name: 'Close these bills' }).click()
    await expectNotification(page, '2 bills closed')
  })

  await test.step('opens an invoice, previews its PDF, prints it and saves it', async () => {
    const sent = page.waitForResponse((response) => response.url().endsWith('/api/bills:pdf'))
    await main.getByRole('link', { name: `I${YEAR}0001` }).click()
    await expect(
      main.getByRole('heading', { name: `Invoice I${YEAR}0001`, level: 2 }),
    ).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByRole('table', { name: 'Lines' })).toContainText('Registration of')
    await expect(main.getByText('Total 18.15 €')).toBeVisible()
    await expect(page.locator('iframe[data-pdf-ready="true"]')).toBeAttached()
    const { base64 } = (await (await sent).json()) as { base64: string }
    expect(Buffer.from(base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')

    // No print dialog opens headless: the frame's print is replaced to see that it is called.
    await page.evaluate(`{
      const frame = document.querySelector('iframe[data-pdf-ready]')
      frame.contentWindow.print = () => document.body.setAttribute('data-printed', 'yes')
    }`)
    await main.getByRole('button', { name: 'Print' }).click()
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes')
    const download = page.waitForEvent('download')
    await main.getByRole('button', { name: 'Save PDF' }).click()
    const saved = await readFile((await (await download).path())!)
    expect(saved.subarray(0, 5).toString()).toBe('%PDF-')
    await saveScreenshot(page, 'billing-journey-invoice', testInfo, { fullPage: true })
  })

  await test.step('credits the line of the invoice', async () => {
    await main.getByRole('button', { name: /^Credit note for Registration of/ }).click()
    const dialog = page.getByRole('dialog', { name: `Credit note for I${YEAR}0001` })
    await dialog.getByRole('button', { name: 'Issue credit note' }).click()
    await expectNotification(page, `Credit note OA${YEAR}0001 opened`)
    await expect(
      main.getByRole('heading', { name: `Credit note OA${YEAR}0001`, level: 2 }),
    ).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('Total -18.15 €')).toBeVisible()
    await saveScreenshot(page, 'billing-journey-credit-note', testInfo, { fullPage: true })
  })
})
