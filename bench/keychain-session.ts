import { spawnSync } from 'node:child_process'
import {
  keychainToolsMissing,
  PRIVATE_KEYCHAIN_MARKER,
  startPrivateKeychain,
} from '../scripts/private-keychain'

/**
 * The orchestration benchmark imports SSH keys into the OS keychain, as the app does, and like
 * `npm test` it never touches the developer's own: the benchmark runs again inside a private
 * keychain (scripts/private-keychain.js). Returns the re-run's exit status, or undefined when
 * this process should go on by itself (already inside one, or no tools to make one).
 */
export function rerunInPrivateKeychain(argv: readonly string[]): number | undefined {
  if (process.env[PRIVATE_KEYCHAIN_MARKER]) return undefined
  const missing = keychainToolsMissing()
  if (missing) {
    process.stderr.write(`No private keychain (${missing}): the keychain cannot be used.\n`)
    return undefined
  }
  const keychain = startPrivateKeychain()
  const node = [...process.execArgv, process.argv[1]!, ...argv]
  try {
    const result = spawnSync(process.execPath, node, {
      stdio: 'inherit',
      env: { ...process.env, ...keychain.env },
    })
    if (result.error) throw new Error('Could not run the benchmark again', { cause: result.error })
    return result.status ?? 1
  } finally {
    keychain.stop()
  }
}
