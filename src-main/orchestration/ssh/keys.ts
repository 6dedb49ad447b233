import { createHash, generateKeyPairSync } from 'node:crypto'
import { utils, type ParsedKey } from 'ssh2'
import { AppError } from '../../../src-shared/errors'
import { ed25519ToOpenSsh } from './openssh-format'
import { isPkcs8, pkcs8ToSshReadable } from './pkcs8'

/** A key pair as Orchestra keeps it: the private half goes to the OS keychain only. */
export interface SshKey {
  /** OpenSSH or PEM text, as ssh2 reads it. */
  privateKey: string
  /** An authorized_keys line: `ssh-ed25519 AAAA… comment`. */
  publicKey: string
  /** `SHA256:…` exactly as `ssh-keygen -lf` prints it (no `=` padding). */
  fingerprint: string
  type: string
  comment: string
}

/** The SHA-256 fingerprint of a public key blob in SSH wire format. */
export function fingerprintOfKeyBlob(blob: Buffer): string {
  const digest = createHash('sha256').update(blob).digest('base64')
  return `SHA256:${digest.replace(/=+$/, '')}`
}

/** Fingerprints compare equal with or without the prefix and padding people paste. */
export function sameFingerprint(a: string, b: string): boolean {
  const bare = (value: string) =>
    value
      .trim()
      .replace(/^SHA256:/, '')
      .replace(/=+$/, '')
  return bare(a) === bare(b)
}

function describeKey(parsed: ParsedKey, privateKey: string): SshKey {
  const blob = parsed.getPublicSSH()
  const comment = parsed.comment ?? ''
  const line = `${parsed.type} ${blob.toString('base64')}`
  return {
    privateKey,
    publicKey: comment ? `${line} ${comment}` : line,
    fingerprint: fingerprintOfKeyBlob(blob),
    type: parsed.type,
    comment,
  }
}

export function generateSshKey(comment: string): SshKey {
  const { privateKey } = generateKeyPairSync('ed25519')
  return parsePrivateKey(ed25519ToOpenSsh(privateKey, comment))
}

function keyIssue(field: 'privateKey' | 'passphrase', rule: string, message: string): AppError {
  return AppError.validation([{ field, rule, message }])
}

/** ssh2 says what went wrong only in its messages; these are the ones for passphrases. */
function explainParseError(error: Error): AppError {
  if (/no passphrase given/i.test(error.message)) {
    return keyIssue('passphrase', 'required', 'This key is protected: enter its passphrase')
  }
  if (/bad passphrase|bad decrypt/i.test(error.message)) {
    return keyIssue('passphrase', 'incorrect', 'This passphrase does not unlock the key')
  }
  return keyIssue(
    'privateKey',
    'format',
    'This is not a private key Orchestra can read (OpenSSH, PEM or PKCS#8 text)',
  )
}

/** Reads a pasted private key and derives its public half; throws a field error if it can't. */
export function parsePrivateKey(text: string, passphrase?: string): SshKey {
  const trimmed = text.trim()
  if (!trimmed) throw keyIssue('privateKey', 'required', 'Paste a private key')
  const readable = isPkcs8(trimmed) ? pkcs8ToSshReadable(trimmed, passphrase) : `${trimmed}\n`
  if (readable instanceof Error) throw explainParseError(readable)

  const result = utils.parseKey(readable, passphrase || undefined)
  if (result instanceof Error) throw explainParseError(result)
  const parsed = Array.isArray(result) ? (result[0] as ParsedKey) : result
  if (!parsed.isPrivateKey()) {
    throw keyIssue('privateKey', 'private', 'This is a public key: paste the private key')
  }
  return describeKey(parsed, readable)
}

/** The fingerprint of an authorized_keys line (`type base64 [comment]`). */
export function fingerprintOfPublicKey(line: string): string {
  const parsed = utils.parseKey(line.trim())
  if (parsed instanceof Error || Array.isArray(parsed)) {
    throw AppError.validation([
      { field: 'publicKey', rule: 'format', message: 'This is not an SSH public key line' },
    ])
  }
  return fingerprintOfKeyBlob(parsed.getPublicSSH())
}
