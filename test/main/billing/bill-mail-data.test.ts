import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { osKeychain } from '../../../src-main/core/keychain'
import { closeBill } from '../../../src-main/data/bill-closing'
import {
  billRecipients,
  mailBill,
  rememberSmtpPassword,
  sellerDetails,
  smtpPasswordAccount,
  smtpSettings,
} from '../../../src-main/data/bill-recipients'
import { addBillLines, createBill, getBill } from '../../../src-main/data/bills'
import { contacts } from '../../../src-main/db/schema'
import type { SettingName } from '../../../src-shared/schemas/settings'
import { AppError } from '../../../src-shared/errors'
import { makeCore, type TestCore } from '../../support/core'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server'
import { addAccount, billLine, ctxOf } from '../data/bill-fixtures'

// Spec 7.4 (send to the billing contacts only; the original's filter typo mailed them all),
// 8 (seller details) and issue 7 item 7, on a real database and a real SMTP server.

const PDF = new TextEncoder().encode('%PDF-1.7\n% bill\n')

let core: TestCore
let server: TestSmtpServer | undefined
let accountId: number

beforeEach(async () => {
  core = await makeCore()
  accountId = await addAccount(core, 'ana')
})
afterEach(async () => {
  await server?.close()
  server = undefined
  await core.dispose()
})

const setSetting = (name: SettingName, value: unknown) =>
  core.dispatcher.dispatch('settings:update', { name, value })

async function addContact(email: string, usages: string, fullName = '') {
  await core.store.write((tx) =>
    tx
      .insert(contacts)
      .values({ accountId, shortName: email, fullName, email, emailUsage: usages }),
  )
}

async function closedBill(): Promise<number> {
  return core.store.write(async (tx) => {
    const bill = await createBill(ctxOf(tx), {
      type: 'INVOICE',
      accountId,
      createdOn: '2026-02-10',
    })
    await addBillLines(ctxOf(tx), bill.id, [billLine()])
    return (await closeBill(ctxOf(tx), bill.id, { today: '2026-03-01' })).id
  })
}

async function useServer(options: Parameters<typeof startSmtpServer>[0] = {}) {
  server = await startSmtpServer(options)
  await setSetting('BILLS_SMTP_HOST', server.host)
  await setSetting('BILLS_SMTP_PORT', String(server.port))
  return server
}

const deps = () => ({
  store: core.store,
  keychain: osKeychain,
  now: () => '2026-03-01T12:00:00Z',
  actor: 'tester',
})
const isSent = async (id: number) => (await core.store.read((tx) => getBill(tx, id))).isSent

describe('billRecipients (spec 7.4, 10)', () => {
  it('lists only the contacts marked for billing, in the order they were added', async () => {
    await addContact('tech@example.net', 'TECH,EMERGENCY')
    await addContact('books@example.net', 'ADMIN,BILLING', 'Books Dept')
    const recipients = await core.store.read((tx) => billRecipients(tx, accountId))
    expect(recipients).toEqual([
      { name: 'Ana', email: 'ana@example.net' },
      { name: 'Books Dept', email: 'books@example.net' },
    ])
  })

  it('does not read a usage that merely contains BILLING as billing', async () => {
    await core.store.write((tx) =>
      tx
        .update(contacts)
        .set({ emailUsage: 'TECH,NOBILLING' })
        .where(eq(contacts.accountId, accountId)),
    )
    expect(await core.store.read((tx) => billRecipients(tx, accountId))).toEqual([])
  })
})

describe('mailBill (spec 7.4)', () => {
  it('mails the billing contacts only and marks the bill sent', async () => {
    await addContact('tech@example.net', 'TECH')
    await addContact('books@example.net', 'BILLING')
    const smtp = await useServer()
    const id = await closedBill()

    const result = await mailBill(deps(), id, PDF)

    expect(result.ok).toBe(true)
    expect(smtp.messages.map((m) => m.envelope.to)).toEqual([
      ['ana@example.net', 'books@example.net'],
    ])
    expect(smtp.messages[0]!.envelope.from).toBe('sales@orchestra.lan')
    expect(await isSent(id)).toBe(true)
  })

  it('leaves the bill unsent when the server refuses its recipient', async () => {
    await useServer({ refuse: (address) => address === 'ana@example.net' })
    const id = await closedBill()

    const result = await mailBill(deps(), id, PDF)

    expect(result).toMatchObject({ ok: false, reason: 'RECIPIENT_REFUSED' })
    expect(await isSent(id)).toBe(false)
  })

  it('leaves the bill unsent when the account has no billing contact', async () => {
    await core.store.write((tx) =>
      tx.update(contacts).set({ emailUsage: 'TECH' }).where(eq(contacts.accountId, accountId)),
    )
    const smtp = await useServer()
    const id = await closedBill()

    expect(await mailBill(deps(), id, PDF)).toMatchObject({ ok: false, reason: 'NO_RECIPIENTS' })
    expect(smtp.messages).toEqual([])
    expect(await isSent(id)).toBe(false)
  })

  it('refuses to mail an open bill, which has only a provisional number', async () => {
    await useServer()
    const id = await core.store.write(async (tx) => {
      const bill = await createBill(ctxOf(tx), {
        type: 'INVOICE',
        accountId,
        createdOn: '2026-02-10',
      })
      return bill.id
    })
    const error = await mailBill(deps(), id, PDF).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(/is open: close it before sending it/)
  })

  it('logs in with the password kept in the OS keychain', async () => {
    await useServer({ login: { user: 'billing', password: 'kept-in-keychain' } })
    await setSetting('BILLS_SMTP_USER', 'billing')
    await rememberSmtpPassword(core.store, osKeychain, 'kept-in-keychain')
    const smtp = await core.store.read(smtpSettings)
    const id = await closedBill()

    expect((await mailBill(deps(), id, PDF)).ok).toBe(true)
    await osKeychain.delete(smtpPasswordAccount(smtp))
  })

  it('keeps no SMTP password without a login to keep it for', async () => {
    const error = await rememberSmtpPassword(core.store, osKeychain, 'x').catch((e: unknown) => e)
    expect((error as AppError).field).toBe('BILLS_SMTP_USER')
  })

  it('keeps a stored contact name with CRLF from adding a header', async () => {
    await addContact('books@example.net', 'BILLING', 'Books\r\nBcc: mallory@example.net')
    const smtp = await useServer()
    const id = await closedBill()

    expect((await mailBill(deps(), id, PDF)).ok).toBe(true)
    const lines = smtp.messages[0]!.headerLines
    expect(lines.filter((line) => /^bcc:/i.test(line))).toEqual([])
    expect(smtp.messages[0]!.envelope.to).not.toContain('mallory@example.net')
  })
})

describe('sellerDetails (spec 8)', () => {
  it('derives e-mail, website and name from the provider settings when empty', async () => {
    const seller = await core.store.read((tx) => sellerDetails(tx))
    expect(seller).toMatchObject({
      name: 'Orchestra',
      email: 'sales@orchestra.lan',
      website: 'www.orchestra.lan',
      country: 'Spain',
      bankAccount: '',
    })
    expect(seller.logo).toBeUndefined()
  })

  it("names the seller's country in the bill's language", async () => {
    await setSetting('BILLS_SELLER_COUNTRY', 'DE')
    expect((await core.store.read((tx) => sellerDetails(tx, 'ES'))).country).toBe('Alemania')
  })

  it('reads the logo file named by the setting', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orchestra-logo-')), 'logo.png')
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    writeFileSync(file, png)
    await setSetting('BILLS_SELLER_LOGO', file)
    expect((await core.store.read((tx) => sellerDetails(tx))).logo).toEqual(png)
  })

  it('refuses a logo file that is no longer an image, naming the setting', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orchestra-logo-')), 'logo.jpg')
    writeFileSync(file, 'not an image')
    await setSetting('BILLS_SELLER_LOGO', file)
    const error = await core.store.read((tx) => sellerDetails(tx)).catch((e: unknown) => e)
    expect((error as AppError).field).toBe('BILLS_SELLER_LOGO')
  })
})
