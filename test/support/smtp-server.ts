import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'

/**
 * A real SMTP server on loopback for the mail tests (the `smtp-server` package): it keeps every
 * message it accepts, with its envelope, and can refuse recipients or require a login. It
 * offers no STARTTLS, so the client speaks plain SMTP to it, as to a local relay.
 */

export interface ReceivedPart {
  headers: Map<string, string>
  contentType: string
  filename?: string
  content: Buffer
}

export interface ReceivedMessage {
  /** MAIL FROM and RCPT TO, as the server accepted them. */
  envelope: { from: string; to: string[] }
  /** The message as it came over the wire. */
  raw: string
  /** The top-level header block, unfolded, one header a line. */
  headerLines: string[]
  headers: Map<string, string>
  subject: string
  parts: ReceivedPart[]
}

export interface TestSmtpServer {
  host: string
  port: number
  messages: ReceivedMessage[]
  close(): Promise<void>
}

export interface SmtpServerOptions {
  /** Recipients answered with 550, as a server refuses an unknown mailbox. */
  refuse?: (address: string) => boolean
  /** Requires this login; without it, any client may send. */
  login?: { user: string; password: string }
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = []
  const { login, refuse } = options
  const settings: SMTPServerOptions = {
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.password) {
        callback(null, { user: auth.username })
      } else callback(Object.assign(new Error('Invalid login'), { responseCode: 535 }))
    },
    onRcptTo(address, _session, callback) {
      if (refuse?.(address.address)) {
        const error = Object.assign(new Error(`No such mailbox <${address.address}>`), {
          responseCode: 550,
        })
        callback(error)
      } else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        }
        messages.push(parseMessage(Buffer.concat(chunks).toString('latin1'), envelope))
        callback()
      })
    },
  }
  const server = new SMTPServer(settings)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    host: '127.0.0.1',
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

// --- Reading what arrived (just enough MIME for the messages the tests send) -----------------

function splitHead(text: string): { lines: string[]; body: string } {
  const end = text.indexOf('\r\n\r\n')
  const head = end < 0 ? text : text.slice(0, end)
  const body = end < 0 ? '' : text.slice(end + 4)
  const lines = head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')
  return { lines, body }
}

function headerMap(lines: string[]): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of lines) {
    const at = line.indexOf(':')
    if (at > 0) map.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim())
  }
  return map
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) back to text. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, kind: string, text: string) => {
      if (kind.toLowerCase() === 'b') return Buffer.from(text, 'base64').toString('utf8')
      const bytes = text
        .replace(/_/g, ' ')
        .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      return Buffer.from(bytes, 'latin1').toString('utf8')
    })
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64')
  if (encoding === 'quoted-printable') {
    const text = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    return Buffer.from(text, 'latin1')
  }
  return Buffer.from(body, 'latin1')
}

function toPart(text: string): ReceivedPart {
  const { lines, body } = splitHead(text)
  const headers = headerMap(lines)
  const filename = /filename="?([^";]+)"?/.exec(headers.get('content-disposition') ?? '')?.[1]
  return {
    headers,
    contentType: (headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim(),
    ...(filename && { filename: decodeWords(filename) }),
    content: decodeBody(body, headers.get('content-transfer-encoding')?.toLowerCase()),
  }
}

function parseMessage(raw: string, envelope: ReceivedMessage['envelope']): ReceivedMessage {
  const { lines, body } = splitHead(raw)
  const headers = headerMap(lines)
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1]
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => toPart(part.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [toPart(raw)]
  return {
    envelope,
    raw,
    headerLines: lines,
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    parts,
  }
}
