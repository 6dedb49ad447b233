import { randomInt } from 'node:crypto'

/**
 * The passwords a CMS app is installed with. They are never stored (spec 15.4): the database
 * keeps only the hash of the database user's, and the installer's script, written in the
 * same unit of work as the app, is the only text that holds them; stored scripts show `***`.
 * So they live here, in memory, between the app's creation and its script.
 */
export interface CmsSecrets {
  databasePassword: string
  adminPassword: string
}

const pending = new Map<number, CmsSecrets>()

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/** A password of letters and digits only, so it needs no escaping anywhere it goes. */
export function randomPassword(length = 24): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

/** Long enough for the unit of work that writes the script; then nothing keeps them. */
const KEEP_MS = 10 * 60_000

export function keepCmsSecrets(webappId: number, secrets: CmsSecrets): void {
  pending.set(webappId, secrets)
  setTimeout(() => {
    if (pending.get(webappId) === secrets) pending.delete(webappId)
  }, KEEP_MS).unref()
}

export function cmsSecretsOf(webappId: number): CmsSecrets | undefined {
  return pending.get(webappId)
}

export function forgetCmsSecrets(webappId: number): void {
  pending.delete(webappId)
}
