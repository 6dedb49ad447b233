import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  billMailMessage,
  headerText,
  sendBillMail,
  type BillMail,
  type SmtpSettings,
} from '../../../src-main/billing/bill-mail'
import { decodeWords, startSmtpServer, type TestSmtpServer } from '../../support/smtp-server'

// Spec 7.4 (send) and 8.4 (notification e-mail), issue 7 item 7, against a real SMTP server.

/** Bytes shaped like a PDF, with every byte value in them, so no encoding step can hide. */
const PDF = Uint8Array.from([
  ...new TextEncoder().encode('%PDF-1.7\n'),
  ...Array.from({ length: 256 }, (_, i) => i),
])

const mail = (overrides: Partial<BillMail> = {}): BillMail => ({
  number: 'I20260001',
  type: 'INVOICE',
  language: 'EN',
  username: 'ana',
  sellerName: 'Orchestra Hosting',
  sellerEmail: 'sales@orchestra.lan',
  recipients: [{ name: 'Ana Puig', email: 'ana@example.net' }],
  pdf: PDF,
  ...overrides,
})

let server: TestSmtpServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const smtpOf = (s: TestSmtpServer, user = ''): SmtpSettings => ({
  host: s.host,
  port: s.port,
  secure: false,
  user,
})

describe('billMailMessage (spec 8.4)', () => {
  it('has the subject "Bill <number>" and the PDF as "<number>.pdf"', () => {
    const message = billMailMessage(mail())
    expect(message.subject).toBe('Bill I20260001')
    expect(message.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['I20260001.pdf', 'application/pdf'],
    ])
  })

  it('greets the account by username, names the bill kind and the support address', () => {
    expect(billMailMessage(mail({ type: 'AMENDMENTFEE' })).text).toBe(
      'Dear ana,\n\nPlease find your amendment fee I20260001 attached.\n\n' +
        'If you have any questions, write to us at sales@orchestra.lan.\n\nOrchestra Hosting\n',
    )
  })

  it("is written in the account's language", () => {
    const message = billMailMessage(mail({ language: 'ES' }))
    expect(message.subject).toBe('Factura I20260001')
    expect(message.text).toContain('Le adjuntamos su factura I20260001.')
  })
})

describe('headerText', () => {
  it('turns CR, LF and the Unicode line separators into spaces', () => {
    expect(headerText('Eve\r\nBcc: mallory@example.net\u2028X')).toBe(
      'Eve Bcc: mallory@example.net X',
    )
  })
})

describe('sendBillMail (spec 7.4)', () => {
  it('delivers the message with the PDF bytes attached', async () => {
    server = await startSmtpServer()
    const result = await sendBillMail(mail(), smtpOf(server), undefined)

    expect(result).toEqual({
      ok: true,
      server: `127.0.0.1:${server.port}`,
      accepted: ['ana@example.net'],
    })
    const [received] = server.messages
    expect(received!.envelope).toEqual({ from: 'sales@orchestra.lan', to: ['ana@example.net'] })
    expect(received!.subject).toBe('Bill I20260001')
    const attachment = received!.parts.find((part) => part.filename === 'I20260001.pdf')
    expect(attachment?.contentType).toBe('application/pdf')
    expect(Buffer.compare(attachment!.content, Buffer.from(PDF))).toBe(0)
  })

  it('keeps hostile names with CRLF from adding headers or recipients', async () => {
    server = await startSmtpServer()
    const hostile = 'Eve\r\nBcc: mallory@example.net\r\nX-Injected: yes'
    const result = await sendBillMail(
      mail({
        sellerName: hostile,
        number: 'I20260001\r\nBcc: mallory@example.net',
        recipients: [{ name: hostile, email: 'ana@example.net' }],
      }),
      smtpOf(server),
      undefined,
    )

    expect(result.ok).toBe(true)
    const [received] = server.messages
    expect(received!.envelope.to).toEqual(['ana@example.net'])
    const injected = received!.headerLines.filter((line) => /^(bcc|x-injected):/i.test(line))
    expect(injected).toEqual([])
    // Encoded as a word, a line break would still reach the reader's screen as one.
    expect(decodeWords(received!.headers.get('from')!)).not.toMatch(/[\r\n]/)
    expect(decodeWords(received!.headers.get('to')!)).not.toMatch(/[\r\n]/)
    expect(received!.raw).not.toContain('mallory@example.net>')
  })

  it('refuses a recipient address with a line break before connecting', async () => {
    server = await startSmtpServer()
    const result = await sendBillMail(
      mail({ recipients: [{ name: 'Ana', email: 'ana@example.net\r\nRCPT TO:<x@y.z>' }] }),
      smtpOf(server),
      undefined,
    )
    expect(result).toMatchObject({ ok: false, reason: 'INVALID_ADDRESS' })
    expect(server.messages).toEqual([])
  })

  it('names the refused recipient and the server when the server refuses it', async () => {
    server = await startSmtpServer({ refuse: (address) => address === 'gone@example.net' })
    const result = await sendBillMail(
      mail({ recipients: [{ name: 'Gone', email: 'gone@example.net' }] }),
      smtpOf(server),
      undefined,
    )

    expect(result).toMatchObject({ ok: false, reason: 'RECIPIENT_REFUSED' })
    if (result.ok) return
    expect(result.refused).toEqual(['gone@example.net'])
    expect(result.message).toContain(`127.0.0.1:${server.port} refused gone@example.net`)
    expect(result.message).toContain('No such mailbox')
    expect(server.messages).toEqual([])
  })

  it('reports a partly refused send as a failure listing who got it', async () => {
    server = await startSmtpServer({ refuse: (address) => address === 'gone@example.net' })
    const recipients = [
      { name: 'Ana', email: 'ana@example.net' },
      { name: 'Gone', email: 'gone@example.net' },
    ]
    const result = await sendBillMail(mail({ recipients }), smtpOf(server), undefined)
    expect(result).toMatchObject({
      ok: false,
      reason: 'RECIPIENT_REFUSED',
      accepted: ['ana@example.net'],
      refused: ['gone@example.net'],
    })
  })

  it('says there is no billing contact instead of sending to nobody', async () => {
    server = await startSmtpServer()
    const result = await sendBillMail(mail({ recipients: [] }), smtpOf(server), undefined)
    expect(result).toMatchObject({ ok: false, reason: 'NO_RECIPIENTS' })
    if (!result.ok) expect(result.message).toContain('Account ana has no contact for billing')
  })

  it('logs in with the password it is given', async () => {
    server = await startSmtpServer({ login: { user: 'billing', password: 's3cret' } })
    const result = await sendBillMail(mail(), smtpOf(server, 'billing'), 's3cret')
    expect(result.ok).toBe(true)
    expect(server.messages).toHaveLength(1)
  })

  it('names the login the server refused', async () => {
    server = await startSmtpServer({ login: { user: 'billing', password: 's3cret' } })
    const result = await sendBillMail(mail(), smtpOf(server, 'billing'), 'wrong')
    expect(result).toMatchObject({ ok: false, reason: 'LOGIN_REFUSED' })
    if (!result.ok) expect(result.message).toContain('refused the login billing')
  })

  it('asks for the password when a login is set and the keychain has none', async () => {
    server = await startSmtpServer({ login: { user: 'billing', password: 's3cret' } })
    const result = await sendBillMail(mail(), smtpOf(server, 'billing'), undefined)
    expect(result).toMatchObject({ ok: false, reason: 'NO_PASSWORD' })
  })

  it('names the server it cannot reach', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as { port: number }
    await new Promise<void>((resolve) => closed.close(() => resolve()))

    const smtp = { host: '127.0.0.1', port, secure: false, user: '' }
    const result = await sendBillMail(mail(), smtp, undefined)
    expect(result).toMatchObject({ ok: false, reason: 'UNREACHABLE', server: `127.0.0.1:${port}` })
  })
})
