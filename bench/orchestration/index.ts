import { spawnSync } from 'node:child_process'
import { openFleet } from './fleet'
import { measureOneServer } from './one-server'
import { APP_KEX, References } from './references'
import { pushRows, pushTable, pushVerdict } from './report'
import { measurePushes } from './rounds'

export interface OrchestrationBenchOptions {
  servers: number
  rounds: number
  oneServerChanges: number
}

const NEEDED = ['sshd', 'ssh', 'ssh-keygen', 'unshare', 'nsenter', 'ansible']

/** Why this machine cannot run the section, or undefined when it can. */
export function missingPrerequisite(): string | undefined {
  // The test servers mount overlays in their own namespaces, which takes root.
  if (process.getuid?.() !== 0) return 'it needs root (the test sshd run in their own namespaces)'
  const path = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`
  const missing = NEEDED.filter(
    (command) =>
      spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore', env: { PATH: path } })
        .status !== 0,
  )
  if (missing.length) {
    return `${missing.join(', ')} not found (apt-get install ansible openssh-server openssh-client)`
  }
  return undefined
}

/**
 * Pushes one change to `servers` sshd on loopback through the app, and the same script through
 * plain OpenSSH (the floor) and Ansible, in the same run; then many changes to one server.
 * Every sshd is stopped at the end, whatever happened.
 */
export async function benchOrchestration(
  options: OrchestrationBenchOptions,
  progress: (line: string) => void,
): Promise<{ lines: string[]; allMet: boolean }> {
  progress(`Starting ${options.servers} sshd on loopback and adding them to a core`)
  const fleet = await openFleet(options.servers)
  const references = new References(fleet.ssh)
  // Ctrl-C: stop the servers before going (the 'exit' hook of the test servers kills the rest).
  const interrupted = () => void fleet.close().finally(() => process.exit(130))
  process.once('SIGINT', interrupted)
  try {
    progress(`Timing one change on ${options.servers} servers (${options.rounds} rounds)`)
    const samples = await measurePushes(fleet, references, options.rounds, progress)
    progress(`Timing ${options.oneServerChanges} changes on one server`)
    const oneServer = await measureOneServer(fleet, options.oneServerChanges)

    const rows = pushRows(samples, options.servers)
    const verdict = pushVerdict(rows, oneServer)
    const lines = [
      `Orchestration: one change pushed to ${options.servers} sshd on loopback`,
      '',
      ...pushTable(rows),
      '',
      `Times in ms, wall clock; the same ${options.servers} hosts and script on every line.`,
      'Ours: accounts:create through the dispatcher, call to answer (the change saved, a log ' +
        'per server, every script run, its end state saved).',
      'Cold: connection pool emptied first, as for the first change after start. Warm: the ' +
        'connections the pool kept from the change before, as for every later one.',
      `Floor and Ansible use the app's key exchange (${APP_KEX}); OpenSSH's default ` +
        '(sntrup761x25519) costs more per login, as its line shows.',
      'Ratios: median over the floor median and the Ansible (first line) median. Logins: ' +
        'sshd "Accepted publickey" lines per run.',
      ...verdict.lines,
    ]
    return { lines, allMet: verdict.allMet }
  } finally {
    process.removeListener('SIGINT', interrupted)
    references.close()
    await fleet.close()
  }
}
