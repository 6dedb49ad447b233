import { readFile } from 'node:fs/promises'
import { asc, eq } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import { contactDisplayName, type EmailUsage } from '../../src-shared/schemas/contacts'
import { logoProblem } from '../../src-shared/schemas/seller-settings'
import type { Language } from '../../src-shared/schemas/accounts'
import type { SellerDetails } from '../billing/bill-document'
import {
  sendBillMail,
  type BillMail,
  type BillMailResult,
  type MailRecipient,
  type SmtpSettings,
} from '../billing/bill-mail'
import { consumerRateTable, type TaxSettings } from '../billing/tax-rules'
import type { Keychain } from '../core/keychain'
import { scopedLogger } from '../core/logger'
import { accounts, bills, contacts } from '../db/schema'
import type { Store, Tx } from '../db/store'
import { markBillSent } from './bill-closing'
import { settingValue } from './settings'

/**
 * Who a bill is from and to, as the settings and the account say (spec: billing 7.4, 8 and
 * 10), and mailing it: read, send outside any transaction (a slow mail server must not hold
 * the database), then mark the bill sent only once the server took the message for everyone.
 */

const log = scopedLogger('bill-mail')

const BILLING: EmailUsage = 'BILLING'

/**
 * The account's contacts marked for billing, in the order they were added. Only those: the
 * original misspelt the usage filter and mailed every contact. An account without one gets
 * no mail (the send says so) rather than its login address, which its owner may have kept
 * off billing on purpose.
 */
export async function billRecipients(tx: Tx, accountId: number): Promise<MailRecipient[]> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(eq(contacts.accountId, accountId))
    .orderBy(asc(contacts.id))
  return rows
    .filter((row) => row.emailUsage.split(',').includes(BILLING))
    .map((row) => ({ name: contactDisplayName(row), email: row.email }))
}

export async function smtpSettings(tx: Tx): Promise<SmtpSettings> {
  return {
    host: await settingValue(tx, 'BILLS_SMTP_HOST'),
    port: await settingValue(tx, 'BILLS_SMTP_PORT'),
    secure: await settingValue(tx, 'BILLS_SMTP_SECURE'),
    user: await settingValue(tx, 'BILLS_SMTP_USER'),
  }
}

/** The keychain entry of the mail server's password: user, host and port, nothing else. */
export const smtpPasswordAccount = (smtp: SmtpSettings) =>
  `smtp:${smtp.user}@${smtp.host}:${smtp.port}`

/**
 * Keeps the mail server's password in the OS keychain under the current SMTP settings (change
 * the user, host or port first). Refused with UNAVAILABLE where there is no keychain.
 */
export async function rememberSmtpPassword(
  store: Store,
  keychain: Keychain,
  password: string,
): Promise<void> {
  const smtp = await store.read(smtpSettings)
  if (!smtp.user) {
    throw AppError.validation([
      { field: 'BILLS_SMTP_USER', rule: 'required', message: 'is needed to keep a password for' },
    ])
  }
  await keychain.set(smtpPasswordAccount(smtp), password)
}

export async function sellerEmail(tx: Tx): Promise<string> {
  const email = await settingValue(tx, 'BILLS_SELLER_EMAIL')
  return email || `sales@${await settingValue(tx, 'ORCHESTRA_BASE_DOMAIN')}`
}

export async function sellerName(tx: Tx): Promise<string> {
  return (await settingValue(tx, 'BILLS_SELLER_NAME')) || settingValue(tx, 'ORCHESTRA_SITE_NAME')
}

const LOCALES: Record<Language, string> = { EN: 'en', ES: 'es', CA: 'ca' }

/** The logo's bytes from its data URL or file, checked again: a file can change after saving. */
async function logoBytes(logo: string): Promise<Uint8Array | undefined> {
  if (!logo) return undefined
  const bytes = logo.startsWith('data:')
    ? Buffer.from(logo.slice(logo.indexOf(',') + 1), 'base64')
    : await readFile(logo).catch((error: unknown) => {
        throw new AppError(
          { code: 'VALIDATION', field: 'BILLS_SELLER_LOGO', message: `Cannot read ${logo}` },
          { cause: error },
        )
      })
  const problem = logoProblem(bytes)
  if (problem) {
    throw AppError.validation([{ field: 'BILLS_SELLER_LOGO', rule: 'logo', message: problem }])
  }
  return new Uint8Array(bytes)
}

/** The seller block of a printed bill, in the bill's language. */
export async function sellerDetails(tx: Tx, language: Language = 'EN'): Promise<SellerDetails> {
  const country = await settingValue(tx, 'BILLS_SELLER_COUNTRY')
  const names = new Intl.DisplayNames([LOCALES[language]], { type: 'region' })
  const website = await settingValue(tx, 'BILLS_SELLER_WEBSITE')
  const logo = await logoBytes(await settingValue(tx, 'BILLS_SELLER_LOGO'))
  return {
    name: await sellerName(tx),
    vat: await settingValue(tx, 'BILLS_SELLER_VAT'),
    address: await settingValue(tx, 'BILLS_SELLER_ADDRESS'),
    zipcode: await settingValue(tx, 'BILLS_SELLER_ZIPCODE'),
    city: await settingValue(tx, 'BILLS_SELLER_CITY'),
    country: names.of(country) ?? country,
    phone: await settingValue(tx, 'BILLS_SELLER_PHONE'),
    email: await sellerEmail(tx),
    website: website || `www.${await settingValue(tx, 'ORCHESTRA_BASE_DOMAIN')}`,
    bankAccount: await settingValue(tx, 'BILLS_SELLER_BANK_ACCOUNT'),
    ...(logo && { logo }),
  }
}

export async function taxSettings(tx: Tx): Promise<TaxSettings> {
  return {
    oneStopShop: await settingValue(tx, 'BILLS_TAX_ONE_STOP_SHOP'),
    consumerRates: consumerRateTable(await settingValue(tx, 'BILLS_TAX_EU_CONSUMER_RATES')),
  }
}

/** Everything the mail of a closed bill needs but its PDF. */
export async function billMailOf(tx: Tx, billId: number, pdf: Uint8Array): Promise<BillMail> {
  const [row] = await tx
    .select({ bill: bills, account: accounts })
    .from(bills)
    .leftJoin(accounts, eq(accounts.id, bills.accountId))
    .where(eq(bills.id, billId))
  if (!row) throw AppError.notFound('Bill', billId)
  const { bill, account } = row
  if (bill.isOpen) {
    throw new AppError({
      code: 'CONFLICT',
      message: `Bill ${bill.number} is open: close it before sending it`,
      details: { billId },
    })
  }
  return {
    number: bill.number,
    type: bill.type,
    language: account?.language ?? 'EN',
    username: account?.username ?? bill.buyerName ?? '',
    sellerName: await sellerName(tx),
    sellerEmail: await sellerEmail(tx),
    recipients: account ? await billRecipients(tx, account.id) : [],
    pdf,
  }
}

export interface MailBillDeps {
  store: Store
  keychain: Keychain
  /** The time stamp of the write that marks the bill sent. */
  now: () => string
  /** Who sends it, for the bill's history. */
  actor: string
}

/**
 * Mails a closed bill with its PDF and marks it sent if, and only if, every recipient was
 * taken. A failure leaves it unsent, so "Send" (not "Resend") stays on offer.
 */
export async function mailBill(
  deps: MailBillDeps,
  billId: number,
  pdf: Uint8Array,
): Promise<BillMailResult> {
  const { mail, smtp } = await deps.store.read(async (tx) => ({
    mail: await billMailOf(tx, billId, pdf),
    smtp: await smtpSettings(tx),
  }))
  const password = smtp.user ? await deps.keychain.get(smtpPasswordAccount(smtp)) : undefined

  const result = await sendBillMail(mail, smtp, password)
  if (!result.ok) {
    log.warn(`Bill ${mail.number} not sent through ${result.server}: ${result.reason}`)
    return result
  }
  await deps.store.write((tx) =>
    markBillSent({ tx, now: deps.now(), actor: deps.actor, changes: [] }, billId, result.accepted),
  )
  log.info(`Bill ${mail.number} sent to ${result.accepted.length} billing contact(s)`)
  return result
}
