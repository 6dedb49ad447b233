import { readFile } from 'node:fs/promises'
import {
  expect,
  expectPageReady,
  saveScreenshot,
  test,
  type BridgeApi,
  expectNotification,
} from './fixtures'
import { addBillContact, addHostingPlan } from './billing-seed'

// Payments end to end (spec: billing 7.4 and 9): a clerk adds a SEPA direct-debit source to
// an account, closes its bill with it, processes the transaction into a pain.008 file,
// downloads the file, marks the process executed and then committed, and the bill is paid.

const IBAN = 'ES91 2100 0418 4502 0005 1332'
const COMPACT_IBAN = IBAN.replace(/ /g, '')

/** The provider's own bank details, which a SEPA file cannot be made without. */
const CREDITOR = {
  PAYMENTS_DD_CREDITOR_NAME: 'Pangea Serveis',
  PAYMENTS_DD_CREDITOR_IBAN: 'GB82WEST12345698765432',
  PAYMENTS_DD_CREDITOR_BIC: 'CAIXESBB',
  PAYMENTS_DD_CREDITOR_ID: 'ES59ZZZX1234567L',
} as const

/** One account with a billing contact, and an open bill for it from a billing run. */
async function seed(api: BridgeApi) {
  for (const [name, value] of Object.entries(CREDITOR))
    await api.call('settings:update', { name: name as keyof typeof CREDITOR, value })
  await addHostingPlan(api)
  const { account } = await api.call('accounts:create', {
    username: 'ana',
    fullName: 'Ana Puig',
    email: 'ana@example.net',
    contacts: [{ shortName: 'Ana Puig', email: 'ana@example.net' }],
  })
  await addBillContact(api, account.id, 'Ana Puig Serveis SL')
  const run = await api.call('billingRuns:create', {
    billingPoint: new Date().toLocaleDateString('en-CA'),
  })
  return { accountId: account.id, billId: run.billIds[0]! }
}

/** The local day `days` from today, as the bills show dates. */
function dayFromToday(days: number) {
  const day = new Date()
  day.setDate(day.getDate() + days)
  return day.toLocaleDateString('en-CA')
}

test('a bill closed with a direct-debit source is collected through a SEPA file', async ({
  app: page,
  api,
}, testInfo) => {
  test.setTimeout(120_000)
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const { accountId, billId } = await seed(api)
  const home = page.url().split('#')[0]

  await test.step('adds a SEPA direct-debit source to the account', async () => {
    await page.goto(`${home}#/accounts/${accountId}`)
    await expect(main.getByRole('heading', { name: 'ana', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const sources = main.getByRole('region', { name: 'Payment sources' })
    await expect(sources).toContainText('No payment sources')
    await sources.getByRole('button', { name: 'Add payment source' }).click()

    const dialog = page.getByRole('dialog', { name: 'New payment source' })
    await expect(dialog.getByRole('radio', { name: 'SEPA direct debit' })).toBeChecked()
    await dialog.getByLabel('Account holder').fill('Ana Puig Serveis SL')
    await dialog.getByLabel('IBAN').fill(IBAN)
    await dialog.getByRole('button', { name: 'Add payment source' }).click()
    await expectNotification(page, 'Payment source Ana Puig Serveis SL saved')
    await expect(dialog).toBeHidden()
    const row = sources.getByRole('row', { name: /Ana Puig Serveis SL/ })
    await expect(row).toContainText(IBAN)
    await expect(row).toContainText('Default')
    await saveScreenshot(page, 'payments-account-sources', testInfo)
  })

  const bill = await api.call('bills:get', { id: billId })
  let number = ''

  await test.step('closes the bill with it: due in 5 days, one transaction', async () => {
    await page.goto(`${home}#/billing/bills/${billId}`)
    await expect(main.getByRole('heading', { name: `Invoice ${bill.number}` })).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Close bill' }).click()

    const dialog = page.getByRole('dialog', { name: `Close bill ${bill.number}?` })
    const source = dialog.getByRole('combobox', { name: `Payment source for bill ${bill.number}` })
    await expect(source).toHaveValue(`Ana Puig Serveis SL · ${IBAN}`)
    await expect(dialog).toContainText('Due in 5 days')
    await saveScreenshot(page, 'payments-close-dialog', testInfo)
    await dialog.getByRole('button', { name: 'Close bill' }).click()

    number = (await api.call('bills:get', { id: billId })).number
    await expectNotification(page, `Bill closed as ${number}`)
    await expect(main.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible()
    await expect(main.getByText(dayFromToday(5), { exact: true })).toBeVisible()
    const payments = main.getByRole('region', { name: 'Payments' })
    const transaction = payments.getByRole('row', { name: /^#\d+ / })
    await expect(transaction).toHaveCount(1)
    await expect(transaction).toContainText('Ana Puig Serveis SL')
    await expect(transaction).toContainText('To process')
    await expect(transaction).toContainText(`${bill.total} €`)
  })

  await test.step('processes the transaction into a direct-debit file, downloaded', async () => {
    await nav.getByRole('link', { name: 'Transactions', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Transactions', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const [row] = (await api.call('transactions:list', { billId })).rows
    await main.getByRole('button', { name: `Process transaction #${row!.id}` }).click()

    const made = page.getByRole('dialog', { name: '1 bank file made' })
    await expect(made).toContainText('Direct debit (pain.008)')
    await saveScreenshot(page, 'payments-processed', testInfo)
    const download = page.waitForEvent('download')
    await made.getByRole('button', { name: 'Download file' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^direct-debit-\d+\.xml$/)
    const xml = await readFile((await file.path())!, 'utf8')
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/)
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02')
    expect(xml).toContain(`<IBAN>${COMPACT_IBAN}</IBAN>`)
    expect(xml).toContain(`<InstdAmt Ccy="EUR">${bill.total}</InstdAmt>`)
    await made.getByRole('link', { name: /^Process #\d+$/ }).click()
  })

  await test.step('marks the process executed, then committed', async () => {
    await expect(main.getByRole('heading', { name: /^Process #\d+$/, level: 2 })).toBeVisible()
    await expectPageReady(page)
    const name = (await main.getByRole('heading', { level: 2 }).textContent())!
    await expect(main.getByRole('table', { name: 'Transactions' })).toContainText(number)

    await main.getByRole('button', { name: 'Mark executed' }).click()
    await page
      .getByRole('dialog', { name: `Mark ${name} executed?` })
      .getByRole('button', { name: 'Mark executed' })
      .click()
    await expectNotification(page, `${name} marked executed`)
    await expect(main.getByRole('table', { name: 'Transactions' })).toContainText('Executed')

    await main.getByRole('button', { name: 'Commit' }).click()
    await page
      .getByRole('dialog', { name: `Commit ${name}?` })
      .getByRole('button', { name: 'Commit' })
      .click()
    await expectNotification(page, `${name} committed`)
    await expect(main.getByText('Committed', { exact: true })).toBeVisible()
    await expect(main.getByRole('table', { name: 'Transactions' })).toContainText('Secured')
    await saveScreenshot(page, 'payments-process', testInfo, { fullPage: true })
  })

  await test.step('shows the bill paid', async () => {
    await main.getByRole('link', { name: number }).click()
    await expect(main.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('Paid', { exact: true })).toBeVisible()
    const payments = main.getByRole('region', { name: 'Payments' })
    await expect(payments.getByRole('row', { name: /^#\d+ / })).toContainText('Secured')
    await saveScreenshot(page, 'payments-bill-paid', testInfo)
  })
})
