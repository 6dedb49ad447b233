import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server'
import {
  expect,
  expectPageReady,
  saveScreenshot,
  test,
  type BridgeApi,
  expectNotification,
} from './fixtures'
import { addBillContact, addHostingPlan } from './billing-seed'
import { startPrivateKeychain, type PrivateKeychain } from './private-keychain'

// Spec 7.4 end to end: a closed invoice is sent from its page through a real SMTP server on
// loopback, to the account's billing contact only; a refused recipient is named and the
// invoice stays unsent until a send goes through.

const YEAR = new Date().getFullYear()

let server: TestSmtpServer
let refusing = true
const LOGIN = { user: 'billing', password: 'correct horse' }
let keychain: PrivateKeychain
let savedEnv: Partial<Record<string, string>> = {}

// The SMTP password goes to a private keychain, never the developer's own; the bridge fixture
// starts `orchestra serve` with this worker's environment.
test.beforeAll(() => {
  keychain = startPrivateKeychain()
  savedEnv = Object.fromEntries(Object.keys(keychain.env).map((name) => [name, process.env[name]]))
  Object.assign(process.env, keychain.env)
})
test.afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  keychain?.stop()
})

test.beforeEach(async ({}, testInfo) => {
  refusing = true
  server = await startSmtpServer({
    refuse: (address) => refusing && address.startsWith('books'),
    ...(testInfo.title.includes('password') && { login: LOGIN }),
  })
})
test.afterEach(() => server.close())

/** Ana's invoice, closed, with a technical contact and a billing one. */
async function seed(api: BridgeApi): Promise<number> {
  await api.call('settings:update', { name: 'BILLS_SMTP_HOST', value: server.host })
  await api.call('settings:update', { name: 'BILLS_SMTP_PORT', value: String(server.port) })
  await addHostingPlan(api)
  const { account } = await api.call('accounts:create', {
    username: 'ana',
    fullName: 'Ana Puig',
    email: 'ana@example.net',
    contacts: [
      { shortName: 'Ana Puig', email: 'ana@example.net', emailUsage: ['TECH'] },
      { shortName: 'Books', email: 'books@example.net', emailUsage: ['BILLING'] },
    ],
  })
  await addBillContact(api, account.id, 'Ana Puig Serveis SL')
  const run = await api.call('billingRuns:create', {
    billingPoint: new Date().toLocaleDateString('en-CA'),
  })
  const { closed } = await api.call('bills:setClosed', { ids: run.billIds })
  return closed[0]!.id
}

test('a closed invoice is sent to its billing contact, a refusal named', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const id = await seed(api)
  const number = `I${YEAR}0001`
  await page.goto(`${page.url().split('#')[0]}#/billing/bills/${id}`)
  await expect(main.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible()
  await expectPageReady(page)
  await expect(page.getByText('Not sent', { exact: true })).toBeVisible()

  await test.step('names the billing contact and the server before sending', async () => {
    await main.getByRole('button', { name: 'Send', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: `Send bill ${number}?` })
    const recipients = dialog.getByRole('list', { name: 'Billing contacts' })
    await expect(recipients).toHaveText('Books <books@example.net>')
    await expect(dialog).toContainText(`127.0.0.1:${server.port}`)
    await saveScreenshot(page, 'bills-send-confirm', testInfo)
    await dialog.getByRole('button', { name: 'Send', exact: true }).click()
    await expectNotification(page, `refused books@example.net`)
    await expect(page.getByText('Not sent', { exact: true })).toBeVisible()
    expect(server.messages).toHaveLength(0)
  })

  await test.step('sends once the server takes the recipient, and shows it sent', async () => {
    refusing = false
    await main.getByRole('button', { name: 'Send', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: `Send bill ${number}?` })
    await dialog.getByRole('button', { name: 'Send', exact: true }).click()
    await expectNotification(page, `Bill ${number} sent to books@example.net`)
    await expect(page.getByText('Sent', { exact: true })).toBeVisible()
    await expect(main.getByRole('button', { name: 'Resend' })).toBeVisible()

    expect(server.messages).toHaveLength(1)
    const [message] = server.messages
    expect(message!.envelope.to).toEqual(['books@example.net'])
    const pdf = message!.parts.find((part) => part.filename === `${number}.pdf`)
    expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect((await api.call('bills:get', { id })).isSent).toBe(true)
  })
})

test('the SMTP password typed in the send dialog is kept and logs in', async ({
  app: page,
  api,
}) => {
  const main = page.getByRole('main')
  const id = await seed(api)
  refusing = false
  await api.call('settings:update', { name: 'BILLS_SMTP_USER', value: LOGIN.user })
  await page.goto(`${page.url().split('#')[0]}#/billing/bills/${id}`)
  await expectPageReady(page)

  await main.getByRole('button', { name: 'Send', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: /^Send bill/ })
  await dialog.getByRole('button', { name: 'Send', exact: true }).click()
  await expectNotification(page, `No password for ${LOGIN.user}`)

  await main.getByRole('button', { name: 'Send', exact: true }).click()
  await dialog.getByLabel('SMTP password').fill(LOGIN.password)
  await dialog.getByRole('button', { name: 'Send', exact: true }).click()
  await expectNotification(page, /sent to books@example.net/)
  expect(server.messages).toHaveLength(1)
  await expect(main.getByRole('button', { name: 'Resend' })).toBeVisible()
})

test('the SMTP password kept from Settings logs in', async ({ app: page, api }) => {
  const main = page.getByRole('main')
  const id = await seed(api)
  refusing = false
  await page.goto(`${page.url().split('#')[0]}#/settings`)
  await expectPageReady(page)
  const bills = main.getByRole('region', { name: 'BILLS' })
  await bills.getByLabel('SMTP password').fill(LOGIN.password)
  await bills.getByRole('button', { name: 'Keep password' }).click()
  await expect(bills.getByText('Set BILLS_SMTP_USER first')).toBeVisible()

  await api.call('settings:update', { name: 'BILLS_SMTP_USER', value: LOGIN.user })
  await bills.getByRole('button', { name: 'Keep password' }).click()
  await expectNotification(page, 'SMTP password kept in the OS keychain')
  await expect(bills.getByLabel('SMTP password')).toHaveValue('')

  const sent = await api.call('bills:setSent', { id })
  expect(sent).toMatchObject({ ok: true, accepted: ['books@example.net'] })
  expect(server.messages).toHaveLength(1)
})
