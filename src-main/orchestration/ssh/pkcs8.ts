import { createPrivateKey, randomBytes, type KeyObject } from 'node:crypto'

/**
 * ssh2 reads OpenSSH and traditional PEM keys but not PKCS#8 (`openssl genpkey`, many key
 * managers), so such keys are converted once on import. The converted text is unencrypted: it
 * is kept in the OS keychain, which is what protects the passphrase beside it as well.
 */

export function isPkcs8(text: string): boolean {
  return /^-----BEGIN (ENCRYPTED )?PRIVATE KEY-----/.test(text)
}

/** Messages in the words ssh2 uses, so one place explains both to the user. */
function readPkcs8(text: string, passphrase?: string): KeyObject | Error {
  const encrypted = text.startsWith('-----BEGIN ENCRYPTED')
  if (encrypted && !passphrase) return new Error('Encrypted key, no passphrase given')
  try {
    return createPrivateKey({ key: text, format: 'pem', passphrase })
  } catch (error) {
    return encrypted ? new Error('Bad passphrase?') : (error as Error)
  }
}

function sshString(data: Buffer | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  const length = Buffer.alloc(4)
  length.writeUInt32BE(bytes.length)
  return Buffer.concat([length, bytes])
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(value)
  return bytes
}

/** The unencrypted `openssh-key-v1` container (PROTOCOL.key in OpenSSH's sources). */
function ed25519ToOpenSsh(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' })
  const seed = Buffer.from(jwk.d ?? '', 'base64url')
  const pub = Buffer.from(jwk.x ?? '', 'base64url')
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)])

  const check = randomBytes(4).readUInt32BE()
  const secret = [uint32(check), uint32(check), publicBlob, sshString(Buffer.concat([seed, pub]))]
  const unpadded = Buffer.concat([...secret, sshString('')])
  const padding = Buffer.from(
    Array.from({ length: (8 - (unpadded.length % 8)) % 8 }, (_, i) => i + 1),
  )

  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    ...[sshString('none'), sshString('none'), sshString(''), uint32(1)],
    sshString(publicBlob),
    sshString(Buffer.concat([unpadded, padding])),
  ])
  const lines = body.toString('base64').match(/.{1,70}/g) ?? []
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`
}

/** PKCS#8 text as PEM or OpenSSH text that ssh2 reads, or the reason it can't be read. */
export function pkcs8ToSshReadable(text: string, passphrase?: string): string | Error {
  const key = readPkcs8(text, passphrase)
  if (key instanceof Error) return key
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return key.export({ type: 'pkcs1', format: 'pem' }).toString()
    case 'ec':
      return key.export({ type: 'sec1', format: 'pem' }).toString()
    case 'ed25519':
      return ed25519ToOpenSsh(key)
    default:
      return new Error(`Unsupported key type ${key.asymmetricKeyType}`)
  }
}
