import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * SHA-512 crypt (`$6$`), as glibc's crypt(3) computes it for /etc/shadow, written on
 * node:crypto so that it loads in every process the panel runs (the Electron main process and
 * the command line are CommonJS, which cannot load an ES-module-only package).
 */

const ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const DEFAULT_ROUNDS = 5000
const MIN_ROUNDS = 1000
const MAX_ROUNDS = 999_999_999
const MAX_SALT = 16

/** The order in which the 64 digest bytes are written, three at a time (the last alone). */
// prettier-ignore
const ORDER = [
  [0, 21, 42], [22, 43, 1], [44, 2, 23], [3, 24, 45], [25, 46, 4], [47, 5, 26], [6, 27, 48],
  [28, 49, 7], [50, 8, 29], [9, 30, 51], [31, 52, 10], [53, 11, 32], [12, 33, 54],
  [34, 55, 13], [56, 14, 35], [15, 36, 57], [37, 58, 16], [59, 17, 38], [18, 39, 60],
  [40, 61, 19], [62, 20, 41],
] as const

const sha512 = (...parts: Buffer[]) => {
  const hash = createHash('sha512')
  for (const part of parts) hash.update(part)
  return hash.digest()
}

/** `source` repeated and cut to `length` bytes. */
function stretch(source: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length)
  for (let at = 0; at < length; at += source.length) source.copy(out, at, 0, length - at)
  return out
}

function encode(bytes: Buffer): string {
  let text = ''
  const put = (value: number, count: number) => {
    for (let i = 0; i < count; i++, value >>= 6) text += ALPHABET[value & 0x3f]
  }
  for (const [a, b, c] of ORDER) put((bytes[a]! << 16) | (bytes[b]! << 8) | bytes[c]!, 4)
  put(bytes[63]!, 2)
  return text
}

function digest(password: Buffer, salt: Buffer, rounds: number): Buffer {
  const alternate = sha512(password, salt, password)
  const start = createHash('sha512').update(password).update(salt)
  start.update(stretch(alternate, password.length))
  for (let length = password.length; length > 0; length >>= 1) {
    start.update(length & 1 ? alternate : password)
  }
  let current = start.digest()

  const passwordBytes = stretch(sha512(...Array(password.length).fill(password)), password.length)
  const saltRepeats = 16 + current[0]!
  const saltBytes = stretch(sha512(...Array(saltRepeats).fill(salt)), salt.length)

  for (let round = 0; round < rounds; round++) {
    const hash = createHash('sha512')
    hash.update(round & 1 ? passwordBytes : current)
    if (round % 3) hash.update(saltBytes)
    if (round % 7) hash.update(passwordBytes)
    hash.update(round & 1 ? current : passwordBytes)
    current = hash.digest()
  }
  return current
}

/** A new `$6$<salt>$<hash>` for the password, with a random 16-character salt. */
export function sha512Crypt(password: string, salt?: string, rounds = DEFAULT_ROUNDS): string {
  const chosen = (salt ?? encode(randomBytes(64)).slice(0, MAX_SALT)).slice(0, MAX_SALT)
  const bounded = Math.min(MAX_ROUNDS, Math.max(MIN_ROUNDS, rounds))
  const prefix = bounded === DEFAULT_ROUNDS ? '$6$' : `$6$rounds=${bounded}$`
  const hash = encode(digest(Buffer.from(password, 'utf8'), Buffer.from(chosen), bounded))
  return `${prefix}${chosen}$${hash}`
}

/** Whether the password gives this `$6$` hash (with or without `rounds=`). */
export function verifySha512Crypt(password: string, hash: string): boolean {
  const match = /^\$6\$(?:rounds=(\d+)\$)?([^$]{0,16})\$([./0-9A-Za-z]{86})$/.exec(hash)
  if (!match) return false
  const rounds = match[1] === undefined ? DEFAULT_ROUNDS : Number(match[1])
  const again = sha512Crypt(password, match[2]!, rounds)
  const expected = match[1] === undefined ? again : again.replace(/^\$6\$/, `$6$rounds=${rounds}$`)
  return (
    expected.length === hash.length && timingSafeEqual(Buffer.from(expected), Buffer.from(hash))
  )
}
