import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Set in the re-run process, so it does not start yet another session. */
const INSIDE = 'ORCHESTRA_BENCH_PRIVATE_KEYCHAIN'

const has = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0

/**
 * The orchestration benchmark imports SSH keys into the OS keychain, as the app does. Like
 * `npm test` (scripts/test.js), it never touches the developer's own: the benchmark runs again
 * inside a private D-Bus session with a GNOME Keyring unlocked by a throwaway password, whose
 * files live in a temporary folder. Returns the re-run's exit status, or undefined when this
 * process should go on by itself (already inside, or no dbus-run-session / keyring to use).
 */
export function rerunInPrivateKeychain(argv: readonly string[]): number | undefined {
  if (process.env[INSIDE]) return undefined
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    process.stderr.write('No dbus-run-session or gnome-keyring-daemon: no keychain to use.\n')
    return undefined
  }
  const home = mkdtempSync(join(tmpdir(), 'orchestra-bench-keyring-'))
  const script =
    'printf %s bench-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"'
  const node = [process.execPath, ...process.execArgv, process.argv[1]!, ...argv]
  try {
    const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...node], {
      stdio: 'inherit',
      env: { ...process.env, XDG_DATA_HOME: home, [INSIDE]: '1' },
    })
    if (result.error) throw new Error('Could not start dbus-run-session', { cause: result.error })
    return result.status ?? 1
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}
