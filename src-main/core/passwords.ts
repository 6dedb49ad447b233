import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'

/**
 * The panel never keeps a service password: it keeps what the server itself stores, computed
 * here once when the password is set. Each function takes the clear text and returns the hash
 * in the exact form its consumer reads.
 */

// The crypt library is an ES module only: CommonJS code (the command line, Electron's main
// bundle) reaches it with a dynamic import, loaded once on first use.
let unixcrypt: Promise<typeof import('unixcrypt')> | undefined
const loadUnixcrypt = () => (unixcrypt ??= import('unixcrypt'))

/** SHA-512 crypt (`$6$...`): `/etc/shadow`, `usermod -p`, `chpasswd -e`, Dovecot passwd-file. */
export async function unixPasswordHash(password: string): Promise<string> {
  return (await loadUnixcrypt()).encrypt(password)
}

export async function verifyUnixPassword(password: string, hash: string): Promise<boolean> {
  return (await loadUnixcrypt()).verify(password, hash)
}

/** MySQL/MariaDB `mysql_native_password`: `*` and the upper-case hex of SHA1(SHA1(password)). */
export function mysqlNativeHash(password: string): string {
  const inner = createHash('sha1').update(password, 'utf8').digest()
  return `*${createHash('sha1').update(inner).digest('hex').toUpperCase()}`
}

const SCRAM_ITERATIONS = 4096

/**
 * A PostgreSQL SCRAM-SHA-256 verifier, `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`
 * (RFC 5802/7677), which `ALTER ROLE ... PASSWORD` stores as given.
 *
 * TODO(#5): PostgreSQL runs SASLprep over the password first; for ASCII passwords that is the
 * identity, for others a normalised form may differ from the bytes hashed here.
 */
export function scramSha256Verifier(password: string, salt = randomBytes(16)): string {
  const salted = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, SCRAM_ITERATIONS, 32, 'sha256')
  const clientKey = createHmac('sha256', salted).update('Client Key').digest()
  const storedKey = createHash('sha256').update(clientKey).digest()
  const serverKey = createHmac('sha256', salted).update('Server Key').digest()
  const b64 = (buffer: Buffer) => buffer.toString('base64')
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${b64(salt)}$${b64(storedKey)}:${b64(serverKey)}`
}
