import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-shared/errors'
import { SshPool } from '../../../../src-main/orchestration/ssh/connection-pool'
import { SshError } from '../../../../src-main/orchestration/ssh/errors'
import { installAuthorizedKey } from '../../../../src-main/orchestration/ssh/install-key'
import { generateSshKey } from '../../../../src-main/orchestration/ssh/keys'
import { startSshServer, type TestSshServer } from '../../../support/ssh-server'
import { bash, targetOf } from './targets'

const PASSWORD = 's3cret \'with\' $pecial "chars"'
let server: TestSshServer
const pool = new SshPool()

beforeAll(async () => {
  server = await startSshServer({ password: PASSWORD })
})

afterAll(async () => {
  await pool.close()
  await server?.stop()
})

function request(publicKeyLine: string, overrides: { password?: string } = {}) {
  return {
    address: server.address,
    port: server.port,
    user: 'root',
    password: PASSWORD,
    hostKeyFingerprint: server.hostKeyFingerprint,
    publicKeyLine,
    ...overrides,
  }
}

const authorizedKeys = () => join(server.rootDir, 'root/.ssh/authorized_keys')

describe('installAuthorizedKey', () => {
  it('logs in with the password once, after which the key logs in', async () => {
    const key = generateSshKey('orchestra:deploy')
    const result = await installAuthorizedKey(request(key.publicKey))
    expect(result).toEqual({ added: true, fingerprint: key.fingerprint })
    expect(readFileSync(server.logFile, 'utf8')).toMatch(/Accepted password for root/)

    const target = targetOf(server, { serverId: 30, privateKey: key.privateKey })
    expect((await pool.exec(target, bash('whoami'))).stdout).toBe('root\n')
    expect(statSync(join(server.rootDir, 'root/.ssh')).mode & 0o777).toBe(0o700)
    expect(statSync(authorizedKeys()).mode & 0o777).toBe(0o600)
  })

  it('adds a key once however often it is installed', async () => {
    const key = generateSshKey('twice')
    expect((await installAuthorizedKey(request(key.publicKey))).added).toBe(true)
    expect((await installAuthorizedKey(request(`  ${key.publicKey}\n`))).added).toBe(false)
    const lines = readFileSync(authorizedKeys(), 'utf8').split('\n')
    expect(lines.filter((line) => line === key.publicKey)).toHaveLength(1)
  })

  it('starts a new line when the file does not end with one', async () => {
    server.exec(
      "printf 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExisting old' >> ~/.ssh/authorized_keys",
    )
    const key = generateSshKey('after-unterminated')
    await installAuthorizedKey(request(key.publicKey))
    const lines = readFileSync(authorizedKeys(), 'utf8').split('\n')
    expect(lines).toContain('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExisting old')
    expect(lines).toContain(key.publicKey)
  })

  it('refuses anything but one public key line, before connecting', async () => {
    const key = generateSshKey('injected')
    const attempts = [`${key.publicKey}\ntouch /tmp/owned`, key.privateKey, 'rm -rf /']
    for (const line of attempts) {
      await expect(installAuthorizedKey(request(line))).rejects.toBeInstanceOf(AppError)
    }
  })

  it('reports a wrong password without naming it', async () => {
    const error = await installAuthorizedKey(
      request(generateSshKey('x').publicKey, { password: 'wrong' }),
    ).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(SshError)
    expect((error as SshError).code).toBe('AUTH_FAILED')
    expect((error as SshError).message).toBe(
      `Server 127.0.0.1:${server.port} refused the password for user root`,
    )
  })

  it('sends no password to a server with another host key', async () => {
    const before = readFileSync(server.logFile, 'utf8').match(/password for/g)?.length ?? 0
    const error = await installAuthorizedKey({
      ...request(generateSshKey('y').publicKey),
      hostKeyFingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    }).catch((reason: unknown) => reason)
    expect((error as SshError).code).toBe('HOST_KEY_MISMATCH')
    expect(readFileSync(server.logFile, 'utf8').match(/password for/g)?.length ?? 0).toBe(before)
  })
})
