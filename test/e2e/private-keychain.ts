import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What the bridge needs in its environment to reach the private keychain. */
export interface PrivateKeychain {
  env: { DBUS_SESSION_BUS_ADDRESS: string; XDG_DATA_HOME: string }
  stop(): void
}

/**
 * A D-Bus session of its own with GNOME Keyring unlocked on it, as `npm test` gives the core
 * suites: SSH keys go to an OS keychain, and never to the developer's own. Ending the bus
 * ends the keyring daemon with it.
 */
export function startPrivateKeychain(): PrivateKeychain {
  const home = mkdtempSync(join(tmpdir(), 'orchestra-e2e-keyring-'))
  const printed = execFileSync(
    'dbus-daemon',
    ['--session', '--fork', '--print-address=1', '--print-pid=1'],
    { encoding: 'utf8' },
  )
  const [address = '', pid = ''] = printed.trim().split('\n')
  const env = { DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: home }
  execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'e2e-keyring',
    env: { ...process.env, ...env },
    stdio: ['pipe', 'ignore', 'ignore'],
  })

  return {
    env,
    stop() {
      process.kill(Number(pid))
      rmSync(home, { recursive: true, force: true })
    },
  }
}
