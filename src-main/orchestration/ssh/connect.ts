import { Client, utils, type ConnectConfig } from 'ssh2'
import { describeServer, SshError } from './errors'
import {
  connectFailure,
  DEFAULT_CONNECT_TIMEOUT_MS,
  hostKeyRefusal,
  type ServerRef,
} from './failures'
import { fingerprintOfKeyBlob, sameFingerprint } from './keys'

export { DEFAULT_CONNECT_TIMEOUT_MS } from './failures'

/** Where to connect and which host key to expect; shared by the pool and key installation. */
export interface ConnectTarget extends ServerRef {
  user: string
  /** The accepted host key; null refuses every connection until one is accepted. */
  hostKeyFingerprint: string | null
}

export type ConnectAuth =
  | { kind: 'key'; privateKey: string; passphrase?: string; label: string }
  | { kind: 'password'; password: string }

/** Checks the presented key against the pin; the refusal is kept for the error that follows. */
function hostKeyCheck(target: ConnectTarget) {
  let refusal: SshError | undefined
  const verify = (key: Buffer): boolean => {
    const fingerprint = fingerprintOfKeyBlob(key)
    const pin = target.hostKeyFingerprint
    if (pin !== null && sameFingerprint(pin, fingerprint)) return true

    const parsed = utils.parseKey(key)
    const keyType = parsed instanceof Error ? 'unknown' : parsed.type
    const publicKey = `${keyType} ${key.toString('base64')}`
    refusal = hostKeyRefusal(target, pin, { fingerprint, keyType, publicKey })
    return false
  }
  return { verify, refusal: () => refusal }
}

function authConfig(auth: ConnectAuth): ConnectConfig {
  if (auth.kind === 'key') return { privateKey: auth.privateKey, passphrase: auth.passphrase }
  // Servers that take passwords only through PAM's keyboard-interactive get the same password.
  return { password: auth.password, tryKeyboard: true }
}

/**
 * Opens an authenticated connection, or rejects with an SshError. A host key that is not the
 * pinned one ends the handshake before authentication, so nothing reaches the server.
 */
export function openClient(target: ConnectTarget, auth: ConnectAuth): Promise<Client> {
  const client = new Client()
  const hostKey = hostKeyCheck(target)
  const credential = auth.kind === 'key' ? { kind: auth.kind, label: auth.label } : auth
  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (error: SshError) => {
      if (settled) return
      settled = true
      client.end()
      reject(error)
    }

    if (auth.kind === 'password') {
      client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
        finish(prompts.map(() => auth.password))
      })
    }
    client.once('ready', () => {
      settled = true
      resolve(client)
    })
    // Stays attached after login: an unhandled 'error' event would end the process.
    client.on('error', (error) =>
      fail(hostKey.refusal() ?? connectFailure(target, credential, error)),
    )
    client.once('close', () => {
      const message = `Server ${describeServer(target)} closed the connection during login`
      fail(
        new SshError({
          code: 'DISCONNECTED',
          server: target.name ?? describeServer(target),
          message,
        }),
      )
    })

    const config: ConnectConfig = {
      host: target.address,
      port: target.port,
      username: target.user,
      readyTimeout: target.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      hostVerifier: hostKey.verify,
      // A dead server otherwise stays "connected" until TCP gives up, minutes later.
      keepaliveInterval: 15_000,
      keepaliveCountMax: 3,
      ...authConfig(auth),
    }
    try {
      client.connect(config)
    } catch (error) {
      // ssh2 throws here only for settings it can't use, such as an unreadable key.
      settled = true
      reject(error)
    }
  })
}
