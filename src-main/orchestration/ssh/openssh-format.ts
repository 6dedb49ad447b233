import { randomBytes, type KeyObject } from 'node:crypto'

/**
 * Writes ed25519 keys in OpenSSH's own private key format. ssh2 1.17's generateKeyPairSync
 * drops leading zero bytes of the public key (one key in 256), which neither ssh2 nor
 * ssh-keygen can read back, so keys are made with node:crypto and written here.
 */

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
export function ed25519ToOpenSsh(key: KeyObject, comment: string): string {
  const jwk = key.export({ format: 'jwk' })
  const seed = Buffer.from(jwk.d ?? '', 'base64url')
  const pub = Buffer.from(jwk.x ?? '', 'base64url')
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)])

  const check = randomBytes(4).readUInt32BE()
  const secret = [uint32(check), uint32(check), publicBlob, sshString(Buffer.concat([seed, pub]))]
  const unpadded = Buffer.concat([...secret, sshString(comment)])
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
  const label = 'OPENSSH PRIVATE KEY'
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}
