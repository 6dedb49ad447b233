// A private OS keychain for tests and the benchmark: SSH keys and database passwords go to the
// OS keychain, and these must never reach the developer's own. Like a desktop session, but of
// its own: a D-Bus session bus and a GNOME Keyring unlocked with a throwaway password, keeping
// its files in a temporary folder. Ending the bus ends the keyring daemon with it.
//
// Each keychain shares nothing with another: its folder holds the keyring's files and its own
// runtime folder (XDG_RUNTIME_DIR, mode 0700), where the daemon keeps its control socket.
// Without one, gnome-keyring falls back to a folder shared by every session of the user
// ($XDG_RUNTIME_DIR/keyring of the login, or ~/.cache), and one run's daemon could take over
// or remove the socket of another's. The folder also names the process that owns it, so a run
// that was killed before it could stop its keychain is swept up by the next one to start.
const { execFileSync, spawnSync } = require('node:child_process')
const {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

/** Set in every process that runs inside such a keychain, so none starts a second one. */
const MARKER = 'ORCHESTRA_PRIVATE_KEYCHAIN'
const PREFIX = 'orchestra-keyring-'
const OWNER_FILE = 'owner.json'
/** The variables a child needs to reach the keychain, and nothing of the developer's. */
const PASSED = [
  'DBUS_SESSION_BUS_ADDRESS',
  'XDG_DATA_HOME',
  'XDG_RUNTIME_DIR',
  'GNOME_KEYRING_CONTROL',
]
/** Names the kernel gives the keychain's daemons (`comm`, cut to 15 characters). */
const DAEMONS = ['dbus-daemon', 'gnome-keyring-d']

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/** Whether the tools are there; when not, why (for a one-line message). */
function keychainToolsMissing() {
  const missing = ['dbus-daemon', 'gnome-keyring-daemon'].filter((tool) => !has(tool))
  return missing.length ? `${missing.join(' and ')} not found` : undefined
}

// Processes

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * A running process's start time (clock ticks since boot), which tells it apart from a later
 * one given the same pid; undefined when it is gone or a zombie.
 */
function startTime(pid) {
  const stat = readProc(pid, 'stat')
  if (!stat) return undefined
  // The command name may hold spaces and parentheses: the fields follow its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return fields[0] === 'Z' ? undefined : fields[19]
}

/** The keychain's daemons: those started with its runtime folder, the bus included. */
function keychainDaemons(runtimeDir) {
  const wanted = `XDG_RUNTIME_DIR=${runtimeDir}`
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => DAEMONS.includes((readProc(pid, 'comm') ?? '').trim()))
    .filter((pid) => (readProc(pid, 'environ') ?? '').split('\0').includes(wanted))
}

function end(pids, signal = 'SIGTERM') {
  for (const pid of pids) {
    try {
      process.kill(pid, signal)
    } catch {
      // Gone already.
    }
  }
}

// Keychains

/** Stops a keychain's daemons and removes its folder. */
function remove(home) {
  end(keychainDaemons(join(home, 'runtime')))
  rmSync(home, { recursive: true, force: true })
}

/**
 * Removes the keychains whose owner is gone without stopping them (a run killed midway), with
 * their daemons. A keychain of a run still going, here or in another terminal, is left alone.
 */
function sweepStaleKeychains() {
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(PREFIX))) {
    const home = join(tmpdir(), name)
    let owner
    try {
      owner = JSON.parse(readFileSync(join(home, OWNER_FILE), 'utf8'))
    } catch {
      continue // Still starting, or not one of these.
    }
    if (startTime(owner.pid) !== owner.started) remove(home)
  }
}

function currentKeychain() {
  const env = Object.fromEntries(PASSED.map((name) => [name, process.env[name]]))
  return { env: { ...env, [MARKER]: '1' }, stop() {} }
}

/**
 * Starts the bus and the keyring; returns the environment a process needs to use them (add
 * it to the child's env) and `stop`. Inside one already, returns the current one.
 */
function startPrivateKeychain() {
  if (process.env[MARKER]) return currentKeychain()
  sweepStaleKeychains()
  const home = mkdtempSync(join(tmpdir(), PREFIX))
  const runtime = join(home, 'runtime')
  mkdirSync(runtime, { mode: 0o700 })
  writeFileSync(
    join(home, OWNER_FILE),
    JSON.stringify({ pid: process.pid, started: startTime(process.pid) }),
  )
  const own = {
    XDG_DATA_HOME: home,
    XDG_RUNTIME_DIR: runtime,
    GNOME_KEYRING_CONTROL: join(runtime, 'keyring'),
    [MARKER]: '1',
  }

  // The bus gets the private folders too: a daemon it starts on demand must not look for
  // another session's control socket.
  let printed
  try {
    printed = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1'], {
      encoding: 'utf8',
      env: { ...process.env, ...own },
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    const env = { ...own, DBUS_SESSION_BUS_ADDRESS: printed.trim() }
    execFileSync(
      'gnome-keyring-daemon',
      ['--unlock', '--components=secrets', `--control-directory=${env.GNOME_KEYRING_CONTROL}`],
      {
        input: 'orchestra-test-keyring',
        env: { ...process.env, ...env },
        stdio: ['pipe', 'ignore', 'ignore'],
      },
    )
    return { env, stop: () => remove(home) }
  } catch (error) {
    remove(home)
    throw new Error('Could not start a private keychain', { cause: error })
  }
}

module.exports = {
  startPrivateKeychain,
  keychainToolsMissing,
  keychainDaemons,
  PRIVATE_KEYCHAIN_MARKER: MARKER,
}
