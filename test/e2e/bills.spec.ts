import { readFile } from 'node:fs/promises'
import type { Page, Response } from '@playwright/test'
import {
  expect,
  expectPageReady,
  saveScreenshot,
  test,
  type BridgeApi,
  expectNotification,
} from './fixtures'
import { addBillContact, addHostingPlan } from './billing-seed'

// Billing end to end (issue 7): a service with a price bills two accounts; the run is
// previewed, then confirmed; the bills are closed; one invoice is opened, its PDF previewed,
// printed and saved; and a credit note for one line of it gets its own number series.

const YEAR = new Date().getFullYear()

async function seed(api: BridgeApi) {
  await addHostingPlan(api)
  for (const [username, fullName] of [
    ['ana', 'Ana Puig'],
    ['bea', 'Bea Soler'],
  ]) {
    const { account } = await api.call('accounts:create', {
      username: username!,
      fullName: fullName!,
      email: `${username}@example.net`,
      contacts: [{ shortName: fullName!, email: `${username}@example.net` }],
    })
    await addBillContact(api, account.id, `${fullName} Serveis SL`)
  }
}

/**
 * The preview frame has loaded its blob URL; the bytes behind it are those the page was sent
 * (the page's policy keeps its own scripts from fetching blob: URLs back).
 */
async function expectPreviewLoaded(page: Page, sent: Promise<Response>) {
  const frame = page.locator('iframe[data-pdf-ready="true"]')
  await expect(frame).toBeAttached()
  const src = (await frame.getAttribute('src'))!
  expect(src).toMatch(/^blob:/)
  await expect.poll(() => page.frames().some((each) => each.url() === src)).toBe(true)
  const { base64 } = (await (await sent).json()) as { base64: string }
  expect(Buffer.from(base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
}

test('billing run previewed and confirmed, bills closed, one printed and credited', async ({
  app: page,
  api,
}, testInfo) => {
  test.setTimeout(120_000)
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await seed(api)

  await test.step('previews the run per account, writing nothing', async () => {
    await nav.getByRole('link', { name: 'Bills', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'Bills', level: 2 })).toBeVisible()
    await main.getByRole('link', { name: 'Run billing' }).click()
    await expect(main.getByRole('heading', { name: 'Run billing', level: 2 })).toBeVisible()
    await expect(main.getByLabel('Billing point')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)
    await main.getByRole('button', { name: 'Preview', exact: true }).click()
    await expectPageReady(page)
    await expect(main.getByLabel('ana', { exact: true })).toContainText('Hosting plan of ana')
    await expect(main.getByLabel('bea', { exact: true })).toContainText('Hosting plan of bea')
    await expect(main.getByText(/^2 accounts, 2 lines/)).toBeVisible()
    expect((await api.call('bills:list', {})).total).toBe(0)
    await saveScreenshot(page, 'bills-run-preview', testInfo, { fullPage: true })
  })

  await test.step('confirms the run and closes its bills', async () => {
    await main.getByRole('button', { name: 'Confirm and write bills' }).click()
    await expect(main.getByText(/^2 bills written, 2 orders marked billed/)).toBeVisible()
    const written = main.getByRole('list', { name: 'Bills written' })
    await expect(written.getByRole('link', { name: `OI${YEAR}0001` })).toBeVisible()
    await main.getByRole('button', { name: 'Close these bills' }).click()
    await expectNotification(page, '2 bills closed')
    await expect(written.getByRole('link', { name: `I${YEAR}0001` })).toBeVisible()
    await expect(written.getByRole('link', { name: `I${YEAR}0002` })).toBeVisible()
    const batch = page.waitForEvent('download')
    await main.getByRole('button', { name: 'Print all closed bills' }).click()
    const run = await batch
    expect(run.suggestedFilename()).toBe(`bills-I${YEAR}0001-I${YEAR}0002.pdf`)
    expect((await readFile((await run.path())!)).subarray(0, 5).toString()).toBe('%PDF-')
    await saveScreenshot(page, 'bills-run-done', testInfo)
  })

  await test.step('opens an invoice, its lines, totals and PDF; prints and saves it', async () => {
    const sent = page.waitForResponse((response) => response.url().endsWith('/api/bills:pdf'))
    await main.getByRole('link', { name: `I${YEAR}0001` }).click()
    await expect(
      main.getByRole('heading', { name: `Invoice I${YEAR}0001`, level: 2 }),
    ).toBeVisible()
    await expectPageReady(page)
    const lines = main.getByRole('table', { name: 'Lines' })
    await expect(lines).toContainText('Hosting plan of')
    await expect(main.getByRole('table', { name: 'Totals' })).toContainText('Taxes 21% VAT')
    await expectPreviewLoaded(page, sent)

    // The print dialog cannot open in a headless browser: the frame's print is observed.
    await page.evaluate(`{
      const frame = document.querySelector('iframe[data-pdf-ready]')
      frame.contentWindow.print = () => document.body.setAttribute('data-printed', 'yes')
    }`)
    await main.getByRole('button', { name: 'Print' }).click()
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes')

    const download = page.waitForEvent('download')
    await main.getByRole('button', { name: 'Save PDF' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`I${YEAR}0001.pdf`)
    const saved = await readFile((await file.path())!)
    expect(saved.subarray(0, 5).toString()).toBe('%PDF-')
    await saveScreenshot(page, 'bills-detail', testInfo, { fullPage: true })
  })

  await test.step('issues a credit note for one line, in its own series, negated', async () => {
    const invoice = (await api.call('bills:list', { q: `I${YEAR}0001` })).rows[0]!
    await main.getByRole('button', { name: /^Credit note for Hosting plan of/ }).click()
    const dialog = page.getByRole('dialog', { name: `Credit note for I${YEAR}0001` })
    await dialog.getByRole('button', { name: 'Issue credit note' }).click()
    await expectNotification(page, `Credit note OA${YEAR}0001 opened`)
    await expect(
      main.getByRole('heading', { name: `Credit note OA${YEAR}0001`, level: 2 }),
    ).toBeVisible()
    await expectPageReady(page)

    await main.getByRole('button', { name: 'Close bill' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Close bill' }).click()
    await expectNotification(page, `Bill closed as A${YEAR}0001`)
    const note = (await api.call('bills:list', { type: 'AMENDMENTINVOICE' })).rows[0]!
    expect(note).toMatchObject({ number: `A${YEAR}0001`, amendOf: { id: invoice.id } })
    expect(note.total).toBe(`-${invoice.total}`)
    await expect(main.getByText(`Total -${invoice.total} €`)).toBeVisible()
  })

  await test.step('lists the bills, the credited one struck through', async () => {
    await nav.getByRole('link', { name: 'Bills', exact: true }).click()
    await expectPageReady(page)
    const row = (number: string) => main.getByRole('row', { name: new RegExp(`^${number} `) })
    await expect(row(`A${YEAR}0001`)).toContainText(`Credit notecorrects I${YEAR}0001`)
    await expect(row(`A${YEAR}0001`)).toContainText('To refund')
    await expect(row(`I${YEAR}0001`)).toContainText('Awaiting payment*')
    await saveScreenshot(page, 'bills-list', testInfo)
  })
})

test("an open bill's line undone gives its order back to the next run", async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  await seed(api)
  const billingPoint = new Date().toLocaleDateString('en-CA')
  const run = await api.call('billingRuns:create', { billingPoint })
  await page.goto(`${page.url().split('#')[0]}#/billing/bills/${run.billIds[0]}`)
  await expect(main.getByRole('heading', { name: `Invoice OI${YEAR}0001` })).toBeVisible()
  await expectPageReady(page)

  await main.getByRole('checkbox', { name: 'Select line Hosting plan of ana' }).check()
  await expect(main.getByText('1 line selected')).toBeVisible()
  await saveScreenshot(page, 'bills-open-line-tools', testInfo)
  await main.getByRole('button', { name: 'Undo billing' }).click()
  await expectNotification(page, '1 line undone: its order will be billed again')
  await expect(main.getByRole('table', { name: 'Lines' })).not.toContainText('Hosting plan')

  const again = await api.call('billingRuns:preview', { billingPoint })
  expect(again.accounts.map((account) => account.username)).toEqual(['ana'])

  const notes = main.getByRole('region', { name: 'Comments and due date' })
  await notes.getByRole('textbox', { name: 'Comments' }).fill('Order PO-2291')
  await notes.getByRole('button', { name: 'Save' }).click()
  await expectNotification(page, `Bill OI${YEAR}0001 saved`)
  const bill = await api.call('bills:get', { id: run.billIds[0]! })
  expect(bill.comments).toBe('Order PO-2291')
})
