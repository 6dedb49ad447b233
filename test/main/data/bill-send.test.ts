import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelName, ChannelRequest } from '../../../src-shared/contract/channels'
import type { SettingName } from '../../../src-shared/schemas/settings'
import { addBillLines, createBill } from '../../../src-main/data/bills'
import { contacts } from '../../../src-main/db/schema'
import { makeCore, type TestCore } from '../../support/core'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server'
import { addAccount, billLine, ctxOf } from './bill-fixtures'

// Spec 7.4 through the channels the bill page calls: a bill closed with bills:setClosed is
// mailed with bills:setSent to a real SMTP server on loopback.

let core: TestCore
let server: TestSmtpServer | undefined
let accountId: number

beforeEach(async () => {
  core = await makeCore({ clock: () => new Date('2026-03-01T10:00:00Z') })
  accountId = await addAccount(core, 'ana')
  await core.store.write((tx) =>
    tx.insert(contacts).values([
      { accountId, shortName: 'Tech', email: 'tech@example.net', emailUsage: 'TECH' },
      { accountId, shortName: 'Books', email: 'books@example.net', emailUsage: 'BILLING' },
    ]),
  )
})
afterEach(async () => {
  await server?.close()
  server = undefined
  await core.dispose()
})

const call = <N extends ChannelName>(name: N, request: ChannelRequest<N>) =>
  core.dispatcher.dispatch(name, request)

const setSetting = (name: SettingName, value: string) => call('settings:update', { name, value })

async function openBill(): Promise<number> {
  return core.store.write(async (tx) => {
    const bill = await createBill(ctxOf(tx), {
      type: 'INVOICE',
      accountId,
      createdOn: '2026-02-10',
    })
    await addBillLines(ctxOf(tx), bill.id, [billLine()])
    return bill.id
  })
}

async function closedBill(): Promise<{ id: number; number: string }> {
  const { closed } = await call('bills:setClosed', { ids: [await openBill()] })
  return { id: closed[0]!.id, number: closed[0]!.number }
}

async function useServer(options: Parameters<typeof startSmtpServer>[0] = {}) {
  server = await startSmtpServer(options)
  await setSetting('BILLS_SMTP_HOST', server.host)
  await setSetting('BILLS_SMTP_PORT', String(server.port))
  return server
}

const isSent = async (id: number) => (await call('bills:get', { id })).isSent

describe('bills:recipients (spec 7.4)', () => {
  it('names the billing contacts and the mail server the bill would go through', async () => {
    const smtp = await useServer()
    const bill = await closedBill()
    expect(await call('bills:recipients', { id: bill.id })).toEqual({
      recipients: [
        { name: 'Ana', email: 'ana@example.net' },
        { name: 'Books', email: 'books@example.net' },
      ],
      server: `127.0.0.1:${smtp.port}`,
      login: '',
    })
  })
})

describe('bills:setSent (spec 7.4)', () => {
  it('mails the PDF to the billing contacts only and marks the bill sent', async () => {
    const smtp = await useServer()
    const bill = await closedBill()

    const result = await call('bills:setSent', { id: bill.id })

    expect(result).toEqual({
      ok: true,
      server: `127.0.0.1:${smtp.port}`,
      accepted: ['ana@example.net', 'books@example.net'],
    })
    expect(smtp.messages).toHaveLength(1)
    const [message] = smtp.messages
    expect(message!.envelope.to).toEqual(['ana@example.net', 'books@example.net'])
    expect(message!.subject).toBe(`Bill ${bill.number}`)
    const pdf = message!.parts.find((part) => part.contentType === 'application/pdf')
    expect(pdf?.filename).toBe(`${bill.number}.pdf`)
    expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(await isSent(bill.id)).toBe(true)
  })

  it('leaves the bill unsent and names the recipient the server refused', async () => {
    const smtp = await useServer({ refuse: (address) => address === 'books@example.net' })
    const bill = await closedBill()

    const result = await call('bills:setSent', { id: bill.id })

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toBe('RECIPIENT_REFUSED')
    expect(result.refused).toEqual(['books@example.net'])
    expect(result.message).toContain(`127.0.0.1:${smtp.port}`)
    expect(result.message).toContain('books@example.net')
    expect(await isSent(bill.id)).toBe(false)
  })

  it('names the server when it cannot be reached', async () => {
    const smtp = await useServer()
    await smtp.close()
    server = undefined
    const bill = await closedBill()

    const result = await call('bills:setSent', { id: bill.id })

    expect(result).toMatchObject({ ok: false, reason: 'UNREACHABLE' })
    expect(!result.ok && result.message).toContain(`127.0.0.1:${smtp.port}`)
    expect(await isSent(bill.id)).toBe(false)
  })

  it('refuses an open bill and mails nothing', async () => {
    const smtp = await useServer()
    const id = await openBill()

    await expect(call('bills:setSent', { id })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(smtp.messages).toHaveLength(0)
  })
})

describe('smtp:setPassword (spec 7.4)', () => {
  it('keeps the password the mail server asks the login for', async () => {
    const smtp = await useServer({ login: { user: 'billing', password: 's3cret pass' } })
    await setSetting('BILLS_SMTP_USER', 'billing')
    const bill = await closedBill()
    expect(await call('bills:setSent', { id: bill.id })).toMatchObject({ reason: 'NO_PASSWORD' })

    expect(await call('smtp:setPassword', { password: 's3cret pass' })).toEqual({ kept: true })
    const result = await call('bills:setSent', { id: bill.id })

    expect(result.ok).toBe(true)
    expect(smtp.messages).toHaveLength(1)
    expect(await isSent(bill.id)).toBe(true)
    // The log tells of the send, and of nothing the password could be read from.
    const logged = readFileSync(core.info.logFile, 'utf8')
    expect(logged).toContain(`Bill ${bill.number} sent`)
    expect(logged).not.toContain('s3cret')
  })

  it('refuses a password without a login to keep it for', async () => {
    await expect(call('smtp:setPassword', { password: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
  })
})
