import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-shared/errors'
import {
  fingerprintOfPublicKey,
  generateSshKey,
  parsePrivateKey,
} from '../../../../src-main/orchestration/ssh/keys'
import { ed25519ToOpenSsh } from '../../../../src-main/orchestration/ssh/openssh-format'

const dir = mkdtempSync(join(tmpdir(), 'orchestra-keys-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** What ssh-keygen prints for a public key: the reference for every fingerprint here. */
function keygenFingerprint(publicKey: string): string {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.pub`)
  writeFileSync(file, `${publicKey}\n`)
  return execFileSync('ssh-keygen', ['-lf', file], { encoding: 'utf8' }).split(' ')[1] ?? ''
}

function keygen(name: string, args: string[]): { privateKey: string; publicKey: string } {
  const file = join(dir, name)
  execFileSync('ssh-keygen', ['-q', '-C', name, '-f', file, ...args])
  return {
    privateKey: readFileSync(file, 'utf8'),
    publicKey: readFileSync(`${file}.pub`, 'utf8').trim(),
  }
}

function fieldError(run: () => unknown): { field?: string; rule?: string; message: string } {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    const appError = error as AppError
    return { field: appError.field, rule: appError.issues?.[0]?.rule, message: appError.message }
  }
  throw new Error('expected a field error')
}

describe('generateSshKey', () => {
  it('makes an ed25519 key whose fingerprint is the one ssh-keygen prints', () => {
    const key = generateSshKey('deploy')
    expect(key.type).toBe('ssh-ed25519')
    expect(key.publicKey).toMatch(/^ssh-ed25519 AAAA\S+ deploy$/)
    expect(key.privateKey).toContain('BEGIN OPENSSH PRIVATE KEY')
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
    expect(key.fingerprint).toBe(keygenFingerprint(key.publicKey))
  })

  it('writes a private key that ssh-keygen reads back to the same public key', () => {
    const key = generateSshKey('roundtrip')
    const file = join(dir, 'generated')
    writeFileSync(file, key.privateKey, { mode: 0o600 })
    const derived = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' })
    expect(key.publicKey.startsWith(derived.trim())).toBe(true)
  })
})

describe('ed25519ToOpenSsh', () => {
  it('writes keys whose public half starts with a zero byte in full', () => {
    // One key in 256 has one; ssh2's own generator truncates those.
    let key = generateKeyPairSync('ed25519')
    while (key.publicKey.export({ format: 'der', type: 'spki' }).at(-32) !== 0) {
      key = generateKeyPairSync('ed25519')
    }
    const file = join(dir, 'leading-zero')
    writeFileSync(file, ed25519ToOpenSsh(key.privateKey, 'zero'), { mode: 0o600 })
    const derived = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim()
    const blob = Buffer.from(derived.split(' ')[1] ?? '', 'base64')
    expect(blob).toHaveLength(4 + 'ssh-ed25519'.length + 4 + 32)
    expect(blob[19]).toBe(0)
    expect(parsePrivateKey(readFileSync(file, 'utf8')).fingerprint).toBe(keygenFingerprint(derived))
  })
})

describe('parsePrivateKey', () => {
  it('imports a passphrase-protected key made by ssh-keygen', () => {
    const made = keygen('protected', ['-t', 'ed25519', '-N', 'correct horse'])
    const key = parsePrivateKey(made.privateKey, 'correct horse')
    expect(key.publicKey).toBe(made.publicKey)
    expect(key.fingerprint).toBe(keygenFingerprint(made.publicKey))
  })

  it('names the passphrase field when the passphrase is wrong or missing', () => {
    const made = keygen('locked', ['-t', 'ed25519', '-N', 'right'])
    const wrong = fieldError(() => parsePrivateKey(made.privateKey, 'wrong'))
    expect(wrong).toMatchObject({ field: 'passphrase', rule: 'incorrect' })
    expect(wrong.message).toContain('does not unlock')
    const missing = fieldError(() => parsePrivateKey(made.privateKey))
    expect(missing).toMatchObject({ field: 'passphrase', rule: 'required' })
  })

  it('imports RSA and ECDSA keys, in OpenSSH and in PEM form', () => {
    const keys = [
      keygen('rsa', ['-t', 'rsa', '-b', '2048', '-N', '']),
      keygen('ecdsa', ['-t', 'ecdsa', '-N', '']),
      keygen('rsa-pem', ['-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', 'pem-pass']),
    ]
    const passphrases = [undefined, undefined, 'pem-pass']
    keys.forEach((made, i) => {
      const key = parsePrivateKey(made.privateKey, passphrases[i])
      expect(key.fingerprint).toBe(keygenFingerprint(made.publicKey))
    })
    expect(parsePrivateKey(keys[1]!.privateKey).type).toBe('ecdsa-sha2-nistp256')
  })

  it('converts PKCS#8 keys from openssl into keys ssh-keygen reads', () => {
    for (const algorithm of ['ed25519', 'rsa']) {
      const file = join(dir, `${algorithm}.p8`)
      execFileSync('openssl', ['genpkey', '-algorithm', algorithm, '-out', file], { stdio: 'pipe' })
      const key = parsePrivateKey(readFileSync(file, 'utf8'))
      writeFileSync(`${file}.ssh`, key.privateKey, { mode: 0o600 })
      const derived = execFileSync('ssh-keygen', ['-y', '-f', `${file}.ssh`], { encoding: 'utf8' })
      expect(keygenFingerprint(derived.trim())).toBe(key.fingerprint)
    }
  })

  it('names the key field for text that is not a private key', () => {
    expect(fieldError(() => parsePrivateKey('hello'))).toMatchObject({ field: 'privateKey' })
    expect(fieldError(() => parsePrivateKey(' '))).toMatchObject({ rule: 'required' })
    const { publicKey } = generateSshKey('public')
    expect(fieldError(() => parsePrivateKey(publicKey))).toMatchObject({
      field: 'privateKey',
      rule: 'private',
    })
  })
})

describe('fingerprintOfPublicKey', () => {
  it('agrees with ssh-keygen for a pasted authorized_keys line', () => {
    const made = keygen('pasted', ['-t', 'ecdsa', '-N', ''])
    expect(fingerprintOfPublicKey(`  ${made.publicKey}\n`)).toBe(keygenFingerprint(made.publicKey))
  })

  it('refuses text that is not a public key', () => {
    expect(() => fingerprintOfPublicKey('ssh-ed25519 not-base64')).toThrow(AppError)
  })
})
