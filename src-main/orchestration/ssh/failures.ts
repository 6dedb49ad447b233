import { describeServer, SshError } from './errors'

/** What the messages need to know about the server. */
export interface ServerRef {
  name?: string
  address: string
  port: number
  connectTimeoutMs?: number
}

/** The key that was offered, by comment and fingerprint, or the password (never its value). */
export type Credential = { kind: 'key'; label: string } | { kind: 'password' }

export interface PresentedHostKey {
  fingerprint: string
  keyType: string
  publicKey: string
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000

const UNREACHABLE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'unknown host name',
  EAI_AGAIN: 'host name lookup failed',
}

function serverName(server: ServerRef): string {
  return server.name ?? describeServer(server)
}

export function hostKeyRefusal(
  server: ServerRef,
  pin: string | null,
  presented: PresentedHostKey,
): SshError {
  const where = describeServer(server)
  const { fingerprint } = presented
  if (pin === null) {
    const message =
      `Server ${where} presented host key ${fingerprint}, which was not accepted yet. ` +
      'Nothing was run.'
    const details = { ...presented }
    return new SshError({ code: 'HOST_KEY_UNKNOWN', server: serverName(server), message, details })
  }
  const message =
    `Host key of server ${where} changed: expected ${pin}, got ${fingerprint}. ` +
    'Nothing was run.'
  const details = { expected: pin, ...presented }
  return new SshError({ code: 'HOST_KEY_MISMATCH', server: serverName(server), message, details })
}

/** Failures below SSH: the socket could not be opened, or nothing answered in time. */
export function networkFailure(server: ServerRef, error: Error): SshError {
  const code = (error as { code?: string }).code
  const level = (error as { level?: string }).level
  const where = describeServer(server)
  const reason = code ? UNREACHABLE_REASONS[code] : undefined
  if (reason) {
    const message = `Server ${where} is unreachable: ${reason}`
    const body = { code: 'UNREACHABLE' as const, server: serverName(server), message }
    return new SshError({ ...body, details: { reason } }, { cause: error })
  }

  if (level === 'client-timeout' || code === 'ETIMEDOUT') {
    const seconds = Math.round((server.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS) / 1000)
    const message = `Server ${where} did not answer within ${seconds} s`
    const body = { code: 'CONNECT_TIMEOUT' as const, server: serverName(server), message }
    return new SshError(body, { cause: error })
  }
  const message = `Connection to server ${where} failed: ${error.message}`
  return new SshError(
    { code: 'DISCONNECTED', server: serverName(server), message },
    { cause: error },
  )
}

/** ssh2 tells failures apart by `level` and the socket's `code`; the user gets a sentence. */
export function connectFailure(
  server: ServerRef & { user: string },
  credential: Credential,
  error: Error,
): SshError {
  if ((error as { level?: string }).level !== 'client-authentication') {
    return networkFailure(server, error)
  }
  const name = serverName(server)
  const what = credential.kind === 'key' ? `the key ${credential.label}` : 'the password'
  const message = `Server ${name} refused ${what} for user ${server.user}`
  return new SshError({ code: 'AUTH_FAILED', server: name, message }, { cause: error })
}
