import { DEFAULT_CONNECT_TIMEOUT_MS, openClient } from './connect'
import { SshError } from './errors'

export interface HostKey {
  /** `SHA256:…` as `ssh-keygen -lf` prints it. */
  fingerprint: string
  keyType: string
  /** `type base64`, as in known_hosts. */
  publicKey: string
}

export interface ScanRequest {
  address: string
  port: number
  timeoutMs?: number
}

/**
 * Reads the host key a server presents, for the user to compare and accept on first contact.
 * Connecting with no accepted key ends the handshake as soon as the key arrives, so nothing is
 * authenticated, let alone run.
 */
export async function scanHostKey(request: ScanRequest): Promise<HostKey> {
  const target = {
    address: request.address,
    port: request.port,
    user: 'orchestra-scan',
    hostKeyFingerprint: null,
    connectTimeoutMs: request.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
  }
  try {
    const client = await openClient(target, { kind: 'password', password: '' })
    client.end()
  } catch (error) {
    if (error instanceof SshError && error.code === 'HOST_KEY_UNKNOWN') {
      const { fingerprint, keyType, publicKey } = error.details as unknown as HostKey
      return { fingerprint, keyType, publicKey }
    }
    throw error
  }
  throw new Error('The connection was not stopped at the host key check')
}
