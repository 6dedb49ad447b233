// A private OS keychain for tests and the benchmark: SSH keys and database passwords go to the
// OS keychain, and these must never reach the developer's own. Like a desktop session, but of
// its own: a D-Bus session bus and a GNOME Keyring unlocked with a throwaway password, keeping
// its files in a temporary folder. Ending the bus ends the keyring daemon with it.
const { execFileSync, spawnSync } = require('node:child_process')
const { mkdtempSync, rmSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

/** Set in every process that runs inside such a keychain, so none starts a second one. */
const MARKER = 'ORCHESTRA_PRIVATE_KEYCHAIN'

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/** Whether the tools are there; when not, why (for a one-line message). */
function keychainToolsMissing() {
  const missing = ['dbus-daemon', 'gnome-keyring-daemon'].filter((tool) => !has(tool))
  return missing.length ? `${missing.join(' and ')} not found` : undefined
}

/**
 * Starts the bus and the keyring; returns the environment a process needs to use them (add
 * it to the child's env) and `stop`. Inside one already, returns the current one.
 */
function startPrivateKeychain() {
  if (process.env[MARKER]) {
    const { DBUS_SESSION_BUS_ADDRESS, XDG_DATA_HOME } = process.env
    return { env: { DBUS_SESSION_BUS_ADDRESS, XDG_DATA_HOME, [MARKER]: '1' }, stop() {} }
  }
  const home = mkdtempSync(join(tmpdir(), 'orchestra-keyring-'))
  const printed = execFileSync(
    'dbus-daemon',
    ['--session', '--fork', '--print-address=1', '--print-pid=1'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  )
  const [address = '', pid = ''] = printed.trim().split('\n')
  const env = { DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: home, [MARKER]: '1' }
  execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'orchestra-test-keyring',
    env: { ...process.env, ...env },
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  return {
    env,
    stop() {
      try {
        process.kill(Number(pid))
      } catch {
        // The bus is gone already.
      }
      rmSync(home, { recursive: true, force: true })
    },
  }
}

module.exports = { startPrivateKeychain, keychainToolsMissing, PRIVATE_KEYCHAIN_MARKER: MARKER }
