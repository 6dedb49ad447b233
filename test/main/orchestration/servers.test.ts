import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runLocalScript } from '../../../src-main/orchestration/local-run'
import { caller, countRows, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'
import { sshKeys } from '../../../src-main/db/schema'

describe('servers and keys', () => {
  let ssh: TestSshServer
  let core: TestCore
  const call = caller(() => core)

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(() => ssh.stop())
  beforeEach(async () => {
    core = await makeCore()
  })
  afterEach(() => core.dispose())

  it('shows the host key as ssh-keygen prints it, and pins the accepted one', async () => {
    const key = await call('keys:import', { label: 'deploy', privateKey: ssh.clientKey.privateKey })
    const server = await call('servers:create', {
      name: 'web1',
      address: ssh.address,
      sshPort: ssh.port,
      keyId: key.id,
    })
    expect(server.hostKeyFingerprint).toBeNull()

    const scan = await call('servers:scanHostKey', { id: server.id })
    expect(scan).toMatchObject({
      fingerprint: ssh.hostKeyFingerprint,
      keyType: 'ssh-ed25519',
      accepted: null,
    })
    const accepted = await call('servers:acceptHostKey', {
      id: server.id,
      fingerprint: scan.fingerprint,
    })
    expect(accepted.hostKeyFingerprint).toBe(ssh.hostKeyFingerprint)
  })

  it('refuses to pin a fingerprint the server does not show', async () => {
    const server = await call('servers:create', {
      name: 'web1',
      address: ssh.address,
      sshPort: ssh.port,
    })
    await expect(
      call('servers:acceptHostKey', {
        id: server.id,
        fingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'fingerprint' })
  })

  it('checks a server: reachable, latency and uptime over its SSH connection', async () => {
    const server = await addTestServer(core, ssh, 'web1')
    const [check] = await call('servers:check', { ids: [server.id] })
    expect(check).toMatchObject({ serverId: server.id, reachable: true })
    expect(check!.latencyMs).toBeGreaterThanOrEqual(0)
    expect(check!.uptime?.load).toHaveLength(3)
  })

  it('reports a server without a key reachable, and says what is missing', async () => {
    const server = await call('servers:create', {
      name: 'web1',
      address: ssh.address,
      sshPort: ssh.port,
    })
    const [check] = await call('servers:check', { ids: [server.id] })
    expect(check).toMatchObject({ reachable: true, error: expect.stringMatching(/no SSH key/) })
  })

  it('never gives the renderer a private key', async () => {
    await call('keys:generate', { label: 'fresh' })
    const keys = await call('keys:list', {})
    expect(JSON.stringify(keys)).not.toMatch(/PRIVATE KEY/)
    expect(keys[0]).toMatchObject({
      label: 'fresh',
      type: 'ssh-ed25519',
      fingerprint: expect.stringMatching(/^SHA256:/),
    })
  })

  it('refuses to store a key where the OS has no keychain, and says why', async () => {
    const bus = process.env.DBUS_SESSION_BUS_ADDRESS
    delete process.env.DBUS_SESSION_BUS_ADDRESS
    try {
      await expect(call('keys:generate', { label: 'nowhere' })).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/keychain is not available.*D-Bus/),
      })
    } finally {
      process.env.DBUS_SESSION_BUS_ADDRESS = bus
    }
    expect(await countRows(core, sshKeys)).toBe(0)
  })

  it('names the field of a key that does not parse', async () => {
    await expect(
      call('keys:import', { label: 'bad', privateKey: 'not a key' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'privateKey',
    })
  })

  it('refuses a server name that is no host name when it has no address', async () => {
    await expect(call('servers:create', { name: 'web 1; rm -rf /' })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'name',
    })
  })
})

describe('installing a key with a one-time password', () => {
  let ssh: TestSshServer
  let core: TestCore
  const call = caller(() => core)

  beforeAll(async () => {
    ssh = await startSshServer({ password: 'r00t pass; $(x)' })
    core = await makeCore()
  })
  afterAll(async () => {
    await core.dispose()
    await ssh.stop()
  })

  it('adds the key once, makes it the server key, and then logs in with it', async () => {
    const key = await call('keys:generate', { label: 'deploy' })
    const server = await call('servers:create', {
      name: 'web1',
      address: ssh.address,
      sshPort: ssh.port,
    })
    const scan = await call('servers:scanHostKey', { id: server.id })
    await call('servers:acceptHostKey', { id: server.id, fingerprint: scan.fingerprint })

    const wrong = { keyId: key.id, serverId: server.id, password: 'nope', useForServer: true }
    await expect(call('keys:install', wrong)).rejects.toMatchObject({ field: 'password' })
    const right = { ...wrong, password: 'r00t pass; $(x)' }
    expect(await call('keys:install', right)).toMatchObject({
      installed: true,
      line: key.publicKey,
    })
    expect(await call('keys:install', right)).toMatchObject({ installed: false })

    expect((await call('servers:get', { id: server.id })).keyId).toBe(key.id)
    const [check] = await call('servers:check', { ids: [server.id] })
    expect(check!.uptime).toBeDefined()
  })
})

describe('the local method', () => {
  it('runs a script on this machine with the same contract as over SSH', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchestra-local-'))
    try {
      const stdout: string[] = []
      const result = await runLocalScript({
        executable: '/bin/bash',
        script: `echo héllo\necho oops >&2\necho done > '${dir}/x'\nexit 4\n`,
        timeoutMs: 5_000,
        onStdout: (text) => stdout.push(text),
      })
      expect(result).toMatchObject({
        exitCode: 4,
        stdout: 'héllo\n',
        stderr: 'oops\n',
        timedOut: false,
      })
      expect(stdout.join('')).toBe('héllo\n')
      expect(readFileSync(join(dir, 'x'), 'utf8')).toBe('done\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('kills the whole script when it runs past its time', async () => {
    const result = await runLocalScript({
      executable: '/bin/bash',
      script: 'sleep 30 & wait\n',
      timeoutMs: 300,
    })
    expect(result.timedOut).toBe(true)
  })
})
