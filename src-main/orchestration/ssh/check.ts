import { connect as tcpConnect } from 'node:net'
import type { SshPool, SshTarget } from './connection-pool'
import { SshError, type SshErrorCode } from './errors'
import { DEFAULT_CONNECT_TIMEOUT_MS, networkFailure } from './failures'
import { parseUptime, type Uptime } from './uptime'

export interface ServerCheck {
  /** The SSH port accepted a TCP connection. */
  reachable: boolean
  /** Time to open that TCP connection; null when it could not be opened. */
  latencyMs: number | null
  uptime?: Uptime
  /** Why the check stopped short: the port, the login or the command. */
  error?: { code: SshErrorCode | 'CHECK_FAILED'; message: string }
}

const UPTIME_SCRIPT = 'LC_ALL=C uptime\ncat /proc/uptime 2>/dev/null || true\n'
const UPTIME_TIMEOUT_MS = 10_000

/**
 * Latency is one TCP handshake with the SSH port. ICMP ping would need raw sockets (root or
 * CAP_NET_RAW) and is often filtered where SSH is open, so this measures what the runs use.
 */
export function measureTcp(
  target: Pick<SshTarget, 'address' | 'port' | 'connectTimeoutMs'>,
): Promise<number> {
  const started = performance.now()
  const timeoutMs = target.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: target.address, port: target.port })
    socket.setTimeout(timeoutMs, () => {
      socket.destroy()
      reject(Object.assign(new Error('TCP connect timed out'), { code: 'ETIMEDOUT' }))
    })
    socket.once('connect', () => {
      resolve(Math.round((performance.now() - started) * 10) / 10)
      socket.destroy()
    })
    socket.once('error', reject)
  })
}

/** Whether a server answers and how it is doing, for the server list. Never throws for it. */
export async function checkServer(pool: SshPool, target: SshTarget): Promise<ServerCheck> {
  let latencyMs: number
  try {
    latencyMs = await measureTcp(target)
  } catch (error) {
    const failure = networkFailure(target, error as Error)
    return {
      reachable: false,
      latencyMs: null,
      error: { code: failure.code, message: failure.message },
    }
  }

  try {
    const request = { executable: '/bin/sh', script: UPTIME_SCRIPT, timeoutMs: UPTIME_TIMEOUT_MS }
    const result = await pool.exec(target, request)
    const uptime = result.exitCode === 0 ? parseUptime(result.stdout) : undefined
    if (uptime) return { reachable: true, latencyMs, uptime }
    const why = result.stderr.trim() || `exit code ${result.exitCode}`
    const message = `Server ${target.name} did not report its uptime: ${why}`
    return { reachable: true, latencyMs, error: { code: 'CHECK_FAILED', message } }
  } catch (error) {
    if (!(error instanceof SshError)) throw error
    return { reachable: true, latencyMs, error: { code: error.code, message: error.message } }
  }
}
