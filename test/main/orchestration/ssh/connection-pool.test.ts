import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SshPool } from '../../../../src-main/orchestration/ssh/connection-pool'
import { startSshServer, type TestSshServer } from '../../../support/ssh-server'
import { acceptedLogins, bash, targetOf } from './targets'

let server: TestSshServer
const pool = new SshPool()

beforeAll(async () => {
  server = await startSshServer()
})

afterAll(async () => {
  await pool.close()
  await server?.stop()
})

describe('SshPool.exec', () => {
  it('captures stdout, stderr, UTF-8 and the exit code', async () => {
    const script = 'set -euo pipefail\necho "Grüße ✓"\necho "ça va" >&2\nexit 7\n'
    const result = await pool.exec(targetOf(server), bash(script))
    expect(result).toEqual({ exitCode: 7, stdout: 'Grüße ✓\n', stderr: 'ça va\n', timedOut: false })
  })

  it('keeps the output of a script that fails', async () => {
    const result = await pool.exec(targetOf(server), bash('echo one\necho two >&2\nexit 3'))
    expect(result).toMatchObject({ exitCode: 3, stdout: 'one\n', stderr: 'two\n' })
  })

  it('streams output as it comes, never splitting a character between chunks', async () => {
    const chunks: string[] = []
    // The two bytes of "é" leave the server in two writes, 100 ms apart.
    const script = "printf 'caf\\303'; sleep 0.1; printf '\\251!\\n'; echo done"
    const result = await pool.exec(targetOf(server), {
      ...bash(script),
      onStdout: (text) => chunks.push(text),
    })
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.join('')).toBe('café!\ndone\n')
    expect(chunks.some((chunk) => chunk.includes('\ufffd'))).toBe(false)
    expect(result.stdout).toBe('café!\ndone\n')
  })

  it('feeds the script on stdin, so quotes and heredocs reach bash untouched', async () => {
    const script = `cat <<'EOF'\nit's "$HOME" \\n\nEOF\n[ "$0" = /bin/bash ] || echo "$0"`
    const result = await pool.exec(targetOf(server), bash(script))
    expect(result.stdout).toBe('it\'s "$HOME" \\n\n')
  })

  it('kills a script that runs past its timeout, with everything it started', async () => {
    let running = ''
    const result = await pool.exec(targetOf(server), {
      ...bash('echo started\nsleep 600\necho never'),
      timeoutMs: 1_000,
      onStdout: () => (running ||= server.exec('pgrep -x sleep || true')),
    })
    expect(running.trim()).not.toBe('')
    expect(result).toMatchObject({ timedOut: true, exitCode: null, stdout: 'started\n' })
    expect(server.exec('pgrep -x sleep || true').trim()).toBe('')
    expect(server.exec('pgrep -x bash || true').trim()).toBe('')
  })

  it('still finds and kills the script when the login shell prints a greeting first', async () => {
    server.exec(`echo 'echo "Welcome to web1"' > ~/.bashrc`)
    try {
      const result = await pool.exec(targetOf(server), {
        ...bash('echo started\nsleep 600'),
        timeoutMs: 500,
      })
      expect(result).toMatchObject({ timedOut: true, stdout: 'Welcome to web1\nstarted\n' })
      expect(server.exec('pgrep -x sleep || true').trim()).toBe('')
    } finally {
      server.exec('rm ~/.bashrc')
    }
  })

  it('runs 100 scripts over one connection, several at a time', async () => {
    const fresh = new SshPool({ maxChannelsPerConnection: 8 })
    const target = targetOf(server, { serverId: 2 })
    const before = acceptedLogins(server)
    try {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => fresh.exec(target, bash(`echo ${i}`))),
      )
      expect(results.map((result) => result.stdout)).toEqual(
        Array.from({ length: 100 }, (_, i) => `${i}\n`),
      )
      expect(fresh.openConnections).toBe(1)
      expect(acceptedLogins(server) - before).toBe(1)
    } finally {
      await fresh.close()
    }
    expect(fresh.openConnections).toBe(0)
  })

  it('reports a connection lost mid-script, and opens a new one for the next script', async () => {
    const target = targetOf(server, { serverId: 3 })
    await pool.exec(target, bash('true'))
    // Inside the server's PID namespace, `kill -1` ends everything but the listener (PID 1):
    // the connection's sshd processes and the script with them.
    const running = pool.exec(target, {
      ...bash('echo started; sleep 5'),
      onStdout: () => server.exec('kill -9 -1'),
    })
    await expect(running).rejects.toMatchObject({ code: 'DISCONNECTED', server: 'web1' })
    expect((await pool.exec(target, bash('echo back'))).stdout).toBe('back\n')
  })

  it('changes files only inside the test server, never on this machine', async () => {
    const script =
      'mkdir -p /etc/orchestra && echo pushed > /etc/orchestra/x && cat /etc/orchestra/x'
    const result = await pool.exec(targetOf(server), bash(script))
    expect(result).toMatchObject({ exitCode: 0, stdout: 'pushed\n' })
    expect(existsSync('/etc/orchestra/x')).toBe(false)
    expect(existsSync(join(server.rootDir, 'etc/orchestra/x'))).toBe(true)
    expect(server.exec('cat /etc/orchestra/x')).toBe('pushed\n')
  })
})
