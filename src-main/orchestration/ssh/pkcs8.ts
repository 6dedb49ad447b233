import { createPrivateKey, type KeyObject } from 'node:crypto'
import { ed25519ToOpenSsh } from './openssh-format'

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
      return ed25519ToOpenSsh(key, '')
    default:
      return new Error(`Unsupported key type ${key.asymmetricKeyType}`)
  }
}
