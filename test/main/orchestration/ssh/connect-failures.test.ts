import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SshPool } from '../../../../src-main/orchestration/ssh/connection-pool'
import { SshError } from '../../../../src-main/orchestration/ssh/errors'
import { generateSshKey } from '../../../../src-main/orchestration/ssh/keys'
import { startSshServer, type TestSshServer } from '../../../support/ssh-server'
import { bash, targetOf } from './targets'

let server: TestSshServer
const pool = new SshPool()
const listeners: Server[] = []

beforeAll(async () => {
  server = await startSshServer()
})

afterAll(async () => {
  await pool.close()
  listeners.forEach((listener) => listener.close())
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

/** A TCP port that does whatever `onConnection` does instead of speaking SSH. */
async function fakePort(
  onConnection: (socket: import('node:net').Socket) => void,
): Promise<number> {
  const listener = createServer(onConnection)
  listeners.push(listener)
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  return (listener.address() as { port: number }).port
}

describe('SshPool connection failures', () => {
  it('names the server, the key and the user when the key is refused', async () => {
    const key = generateSshKey('deploy')
    const target = targetOf(server, { serverId: 20, privateKey: key.privateKey })
    const error = await refusal(pool.exec(target, bash('true')))
    expect(error.code).toBe('AUTH_FAILED')
    expect(error.message).toBe(
      `Server web1 refused the key 'deploy' (${key.fingerprint}) for user root`,
    )
    expect(error.server).toBe('web1')
  })

  it('reports a closed port as unreachable, with the reason', async () => {
    const port = await fakePort(() => {})
    listeners.pop()?.close()
    const error = await refusal(pool.exec(targetOf(server, { serverId: 21, port }), bash('true')))
    expect(error.code).toBe('UNREACHABLE')
    expect(error.message).toBe(`Server web1 (127.0.0.1:${port}) is unreachable: connection refused`)
  })

  it('reports an unknown host name as unreachable', async () => {
    const target = targetOf(server, { serverId: 22, address: 'no-such-host.invalid' })
    const error = await refusal(pool.exec(target, bash('true')))
    expect(error.code).toBe('UNREACHABLE')
    expect(error.message).toContain('unknown host name')
  })

  it('gives up on a server that never answers the handshake', async () => {
    const port = await fakePort(() => {})
    const target = targetOf(server, { serverId: 23, port, connectTimeoutMs: 300 })
    const error = await refusal(pool.exec(target, bash('true')))
    expect(error.code).toBe('CONNECT_TIMEOUT')
  })

  it('reports a server that hangs up during login as disconnected', async () => {
    const port = await fakePort((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n'))
    const error = await refusal(pool.exec(targetOf(server, { serverId: 24, port }), bash('true')))
    expect(error.code).toBe('DISCONNECTED')
    expect(error.message).toContain(`127.0.0.1:${port}`)
  })

  it('forgets a failed connection, so the next script tries again', async () => {
    const target = targetOf(server, { serverId: 25, hostKeyFingerprint: null })
    await refusal(pool.exec(target, bash('true')))
    expect(pool.openConnections).toBe(0)
    const accepted = { ...target, hostKeyFingerprint: server.hostKeyFingerprint }
    expect((await pool.exec(accepted, bash('echo again'))).stdout).toBe('again\n')
  })
})
