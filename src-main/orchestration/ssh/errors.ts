/**
 * Failures of the SSH layer that a user can act on: each names the server and says what to do
 * differently. Script failures are not errors: they come back as exit codes.
 */

export const SSH_ERROR_CODES = [
  /** No host key was accepted for the server yet; `details.fingerprint` is what it presented. */
  'HOST_KEY_UNKNOWN',
  /** The server presented another host key than the pinned one; nothing was sent. */
  'HOST_KEY_MISMATCH',
  'AUTH_FAILED',
  /** Connection refused, no route, unknown host name. */
  'UNREACHABLE',
  'CONNECT_TIMEOUT',
  /** The connection closed before or while a script ran. */
  'DISCONNECTED',
  /** A command of the SSH layer itself (not a run's script) failed on the server. */
  'COMMAND_FAILED',
] as const

export type SshErrorCode = (typeof SSH_ERROR_CODES)[number]

export interface SshErrorBody {
  code: SshErrorCode
  message: string
  server: string
  details?: Record<string, unknown>
}

export class SshError extends Error {
  readonly code: SshErrorCode
  /** The server's name as the user knows it, else `address:port`. */
  readonly server: string
  readonly details: Record<string, unknown>

  constructor(body: SshErrorBody, options?: { cause?: unknown }) {
    super(body.message, options)
    this.name = 'SshError'
    this.code = body.code
    this.server = body.server
    this.details = body.details ?? {}
  }

  toBody(): SshErrorBody {
    return { code: this.code, message: this.message, server: this.server, details: this.details }
  }
}

/** `web1 (127.0.0.1:2222)`, or just the address when the server has no name yet. */
export function describeServer(server: { name?: string; address: string; port: number }): string {
  const address = server.address.includes(':') ? `[${server.address}]` : server.address
  const where = `${address}:${server.port}`
  return server.name ? `${server.name} (${where})` : where
}
