import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SshPool } from '../../../../src-main/orchestration/ssh/connection-pool'
import { SshError } from '../../../../src-main/orchestration/ssh/errors'
import { scanHostKey } from '../../../../src-main/orchestration/ssh/host-key'
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

async function refusal(run: Promise<unknown>): Promise<SshError> {
  const error = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(SshError)
  return error as SshError
}

describe('scanHostKey', () => {
  it('reports the host key with the fingerprint ssh-keygen prints for it', async () => {
    const key = await scanHostKey({ address: server.address, port: server.port, timeoutMs: 5_000 })
    const dir = mkdtempSync(join(tmpdir(), 'orchestra-scan-'))
    try {
      writeFileSync(join(dir, 'host.pub'), `${key.publicKey}\n`)
      const printed = execFileSync('ssh-keygen', ['-lf', join(dir, 'host.pub')], {
        encoding: 'utf8',
      })
      expect(printed.split(' ')[1]).toBe(key.fingerprint)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(key).toMatchObject({ fingerprint: server.hostKeyFingerprint, keyType: 'ssh-ed25519' })
    expect(server.hostPublicKey.startsWith(key.publicKey)).toBe(true)
  })

  it('does not log in', async () => {
    const before = acceptedLogins(server)
    await scanHostKey({ address: server.address, port: server.port })
    expect(acceptedLogins(server)).toBe(before)
  })
})

describe('host key pinning', () => {
  const marker = '/etc/orchestra-marker'

  it('refuses a changed host key, names both fingerprints and runs nothing', async () => {
    const pinned = 'SHA256:9ZmXwQnKx0yL3ZyZx5fV0r8yZQ2b8gT0G1s3nQp7l1E'
    const target = targetOf(server, { serverId: 10, hostKeyFingerprint: pinned })
    const error = await refusal(pool.exec(target, bash(`touch ${marker}`)))
    expect(error.code).toBe('HOST_KEY_MISMATCH')
    const where = `web1 (127.0.0.1:${server.port})`
    const change = `expected ${pinned}, got ${server.hostKeyFingerprint}`
    expect(error.message).toBe(`Host key of server ${where} changed: ${change}. Nothing was run.`)
    expect(error.details).toMatchObject({
      expected: pinned,
      fingerprint: server.hostKeyFingerprint,
    })
    expect(server.exec(`test -e ${marker} && echo present || echo absent`)).toBe('absent\n')
  })

  it('refuses a server whose host key was never accepted, showing what it presented', async () => {
    const target = targetOf(server, { serverId: 11, hostKeyFingerprint: null })
    const error = await refusal(pool.exec(target, bash(`touch ${marker}`)))
    expect(error.code).toBe('HOST_KEY_UNKNOWN')
    expect(error.details).toMatchObject({ fingerprint: server.hostKeyFingerprint })
    expect(error.message).toContain(server.hostKeyFingerprint)
    expect(existsSync(join(server.rootDir, marker))).toBe(false)
  })

  it('accepts the pinned key with or without its SHA256: prefix and padding', async () => {
    const bare = `${server.hostKeyFingerprint.slice('SHA256:'.length)}=`
    const target = targetOf(server, { serverId: 12, hostKeyFingerprint: bare })
    expect((await pool.exec(target, bash('echo ok'))).stdout).toBe('ok\n')
  })
})
