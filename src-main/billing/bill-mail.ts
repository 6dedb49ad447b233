import { createTransport } from 'nodemailer'
import { z } from 'zod'
import type { Language } from '../../src-shared/schemas/accounts'
import type { BillType } from './bill-document'
import { billText } from './bill-texts'

/**
 * Mailing one bill (spec: billing 7.4 and 8.4): subject "Bill <number>", a short text in the
 * account's language from the bill catalogue (bill-texts.ts), the PDF attached as
 * "<number>.pdf", from the seller's address, to the account's billing contacts. Building the
 * message is pure; sending it returns a typed result that names the server and the recipients,
 * never throwing for what a server answers.
 */

export interface SmtpSettings {
  host: string
  port: number
  /** TLS from the start (465); otherwise STARTTLS when the server offers it. */
  secure: boolean
  /** Empty sends without a login. */
  user: string
}

export interface MailRecipient {
  name: string
  email: string
}

export interface BillMail {
  number: string
  type: BillType
  language: Language
  /** The account's username, which the greeting names. */
  username: string
  sellerName: string
  /** The From address, and where questions go. */
  sellerEmail: string
  recipients: MailRecipient[]
  pdf: Uint8Array
}

/**
 * Text bound for a header (a display name, the subject) on one line: control characters (CR
 * and LF above all, which would start a header of the sender's choosing) and the Unicode line
 * separators become spaces. The mailer encodes what is left.
 */
export function headerText(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
}

const address = z.email()

export interface BillMessage {
  from: { name: string; address: string }
  to: { name: string; address: string }[]
  subject: string
  text: string
  attachments: { filename: string; content: Buffer; contentType: string }[]
}

/** The message for one bill; addresses are checked before, by billMailProblem. */
export function billMailMessage(mail: BillMail): BillMessage {
  const language = mail.language
  const number = headerText(mail.number)
  // Every kind is feminine in Spanish and Catalan, so one body per language fits them all.
  const body = billText(language, 'mail.body', {
    username: mail.username,
    kind: billText(language, `mail.kind.${mail.type}`),
    number,
    email: mail.sellerEmail,
    seller: mail.sellerName,
  })
  return {
    from: { name: headerText(mail.sellerName), address: mail.sellerEmail },
    to: mail.recipients.map((r) => ({ name: headerText(r.name), address: r.email })),
    subject: headerText(billText(language, 'mail.subject', { number })),
    text: body,
    attachments: [
      { filename: `${number}.pdf`, content: Buffer.from(mail.pdf), contentType: 'application/pdf' },
    ],
  }
}

export type BillMailFailure =
  | 'NO_RECIPIENTS'
  | 'INVALID_ADDRESS'
  | 'NO_PASSWORD'
  | 'UNREACHABLE'
  | 'LOGIN_REFUSED'
  | 'RECIPIENT_REFUSED'
  | 'REFUSED'

export type BillMailResult =
  | { ok: true; server: string; accepted: string[] }
  | {
      ok: false
      reason: BillMailFailure
      server: string
      /** Who got the message anyway (some recipients can be refused while others are not). */
      accepted: string[]
      refused: string[]
      /** For the user: what failed, naming the server or the recipients. */
      message: string
    }

const serverName = (smtp: Pick<SmtpSettings, 'host' | 'port'>) => `${smtp.host}:${smtp.port}`

function failure(
  smtp: SmtpSettings,
  reason: BillMailFailure,
  message: string,
  lists: { accepted?: string[]; refused?: string[] } = {},
): BillMailResult {
  const { accepted = [], refused = [] } = lists
  return { ok: false, reason, server: serverName(smtp), accepted, refused, message }
}

/** Why a bill's mail cannot go at all, before any connection; undefined when it can. */
export function billMailProblem(mail: BillMail, smtp: SmtpSettings): BillMailResult | undefined {
  if (mail.recipients.length === 0) {
    const message =
      `Account ${mail.username} has no contact for billing: mark one of its contacts with ` +
      `the BILLING usage to send bill ${mail.number}`
    return failure(smtp, 'NO_RECIPIENTS', message)
  }
  const bad = [mail.sellerEmail, ...mail.recipients.map((r) => r.email)].filter(
    (email) => !address.safeParse(email).success,
  )
  if (bad.length) {
    return failure(smtp, 'INVALID_ADDRESS', `Not an e-mail address: ${bad.join(', ')}`, {
      refused: bad,
    })
  }
  return undefined
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/

/**
 * Sends the bill's mail. A login is never sent in clear over the network: with a user and
 * no TLS from the start, STARTTLS is required unless the server is this machine.
 */
export async function sendBillMail(
  mail: BillMail,
  smtp: SmtpSettings,
  password: string | undefined,
): Promise<BillMailResult> {
  const problem = billMailProblem(mail, smtp)
  if (problem) return problem
  if (smtp.user && password === undefined) {
    const message = `No password for ${smtp.user} on ${serverName(smtp)} in the OS keychain`
    return failure(smtp, 'NO_PASSWORD', message)
  }
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: Boolean(smtp.user) && !smtp.secure && !LOOPBACK.test(smtp.host),
    ...(smtp.user && { auth: { user: smtp.user, pass: password } }),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  })
  try {
    const info = await transport.sendMail(billMailMessage(mail))
    const accepted = info.accepted.map(addressOf)
    const refused = info.rejected.map(addressOf)
    if (!refused.length) return { ok: true, server: serverName(smtp), accepted }
    const message = `The mail server ${serverName(smtp)} refused ${refused.join(', ')}`
    return failure(smtp, 'RECIPIENT_REFUSED', message, { accepted, refused })
  } catch (error) {
    return sendFailure(smtp, error)
  } finally {
    transport.close()
  }
}

const addressOf = (entry: string | { address: string }) =>
  typeof entry === 'string' ? entry : entry.address

interface SmtpError {
  code?: string
  response?: string
  rejected?: (string | { address: string })[]
  message: string
}

function sendFailure(smtp: SmtpSettings, error: unknown): BillMailResult {
  const { code, response, rejected, message } = error as SmtpError
  const server = serverName(smtp)
  const answer = response ?? message
  if (code === 'EENVELOPE' && rejected?.length) {
    const refused = rejected.map(addressOf)
    return failure(
      smtp,
      'RECIPIENT_REFUSED',
      `The mail server ${server} refused ` + `${refused.join(', ')}: ${answer}`,
      { refused },
    )
  }
  if (code === 'EAUTH') {
    return failure(
      smtp,
      'LOGIN_REFUSED',
      `The mail server ${server} refused the login ` + `${smtp.user}: ${answer}`,
    )
  }
  if (['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS'].includes(code ?? '')) {
    return failure(smtp, 'UNREACHABLE', `The mail server ${server} cannot be reached: ${message}`)
  }
  return failure(smtp, 'REFUSED', `The mail server ${server} did not take the message: ${answer}`)
}
