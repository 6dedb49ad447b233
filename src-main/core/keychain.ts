import { AsyncEntry } from '@napi-rs/keyring'
import { AppError } from '../../src-shared/errors'

/**
 * Secrets (database passwords now, SSH keys later) live in the OS keychain and nowhere else:
 * Keychain on macOS, the Credential Manager on Windows, the Secret Service (GNOME Keyring,
 * KWallet) on Linux. Linux's kernel keyring is refused on purpose: it forgets everything at
 * logout, which would lose a key silently.
 */

const SERVICE = 'Orchestra Desktop'
const ENTRY_OPTIONS = { linux: { store: 'secret-service' as const } }

export interface Keychain {
  /** Whether secrets can be stored here, and if not, why. */
  status(): Promise<{ available: boolean; reason?: string }>
  get(account: string): Promise<string | undefined>
  /** Stores a secret, or refuses with UNAVAILABLE and the reason. */
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
}

function unavailable(reason: string): AppError {
  return new AppError({
    code: 'UNAVAILABLE',
    message: `The OS keychain is not available, so nothing was stored: ${reason}`,
  })
}

/** Why there can be no keychain here, known before asking it; undefined when there may be. */
function missingStore(): string | undefined {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'no D-Bus session (the Secret Service of GNOME Keyring or KWallet runs on it)'
  }
  return undefined
}

const entry = (account: string) => new AsyncEntry(SERVICE, account, ENTRY_OPTIONS)
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export const osKeychain: Keychain = {
  async status() {
    const missing = missingStore()
    if (missing) return { available: false, reason: missing }
    try {
      await entry('orchestra:probe').getPassword()
      return { available: true }
    } catch (error) {
      return { available: false, reason: reasonOf(error) }
    }
  },

  async get(account) {
    if (missingStore()) return undefined
    try {
      return (await entry(account).getPassword()) ?? undefined
    } catch {
      return undefined
    }
  },

  async set(account, secret) {
    const missing = missingStore()
    if (missing) throw unavailable(missing)
    try {
      await entry(account).setPassword(secret)
    } catch (error) {
      throw unavailable(reasonOf(error))
    }
  },

  async delete(account) {
    if (missingStore()) return false
    try {
      return await entry(account).deletePassword()
    } catch {
      return false
    }
  },
}
