import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkServer } from '../../../../src-main/orchestration/ssh/check'
import { SshPool } from '../../../../src-main/orchestration/ssh/connection-pool'
import { parseUptime } from '../../../../src-main/orchestration/ssh/uptime'
import { startSshServer, type TestSshServer } from '../../../support/ssh-server'
import { targetOf } from './targets'

describe('parseUptime', () => {
  it('reads procps output and /proc/uptime', () => {
    const output =
      ' 10:01:02 up 3 days,  4:05,  2 users,  load average: 0.10, 0.20, 0.30\n282300.52 500000.1\n'
    expect(parseUptime(output)).toEqual({
      text: '3 days, 4:05',
      seconds: 282300.52,
      load: [0.1, 0.2, 0.3],
    })
  })

  it('reads short uptimes, a single user and no /proc/uptime', () => {
    expect(parseUptime('10:00 up 5 min,  1 user,  load average: 1.00, 0.50, 0.25')).toEqual({
      text: '5 min',
      load: [1, 0.5, 0.25],
    })
  })

  it('reads BusyBox without a user count, and decimal commas', () => {
    const busybox = parseUptime(' 10:00:00 up 12 days,  1:02,  load average: 0,10, 0,20, 0,30')
    expect(busybox).toEqual({ text: '12 days, 1:02', load: [0.1, 0.2, 0.3] })
  })

  it('gives up on text that is not uptime output', () => {
    expect(parseUptime('command not found')).toBeUndefined()
  })
})

describe('checkServer', () => {
  let server: TestSshServer
  const pool = new SshPool()

  beforeAll(async () => {
    server = await startSshServer()
  })

  afterAll(async () => {
    await pool.close()
    await server?.stop()
  })

  it('measures the SSH port and reads uptime and load from the server', async () => {
    const check = await checkServer(pool, targetOf(server))
    expect(check.reachable).toBe(true)
    expect(check.error).toBeUndefined()
    expect(check.latencyMs).toBeGreaterThanOrEqual(0)
    expect(check.uptime?.load).toHaveLength(3)
    expect(check.uptime?.seconds).toBeGreaterThan(0)
    expect(check.uptime?.text).toMatch(/\d/)
  })

  it('says why when the port does not answer', async () => {
    const check = await checkServer(pool, targetOf(server, { serverId: 2, port: 1 }))
    expect(check).toMatchObject({ reachable: false, latencyMs: null })
    expect(check.error).toEqual({
      code: 'UNREACHABLE',
      message: 'Server web1 (127.0.0.1:1) is unreachable: connection refused',
    })
  })

  it('counts a refused login as reachable, with the reason', async () => {
    const check = await checkServer(
      pool,
      targetOf(server, { serverId: 3, hostKeyFingerprint: null }),
    )
    expect(check.reachable).toBe(true)
    expect(check.error?.code).toBe('HOST_KEY_UNKNOWN')
  })
})
