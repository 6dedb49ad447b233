import { startPrivateKeychain as start } from '../../scripts/private-keychain'

/** What the bridge needs in its environment to reach the private keychain. */
export interface PrivateKeychain {
  env: Record<string, string | undefined>
  stop(): void
}

/**
 * The OS keychain the bridge stores SSH keys in, never the developer's own: the one `npm test`
 * started for the run, or, when Playwright runs on its own, one of this spec's.
 */
export function startPrivateKeychain(): PrivateKeychain {
  return start()
}
