import type { Client } from 'ssh2'
import { openClient } from './connect'
import { describeServer, SshError } from './errors'
import { parsePrivateKey } from './keys'
import { runScript, type ExecRequest, type ExecResult } from './run-script'

export type { ExecRequest, ExecResult } from './run-script'

/** One server as a run sees it; the key comes from the keychain and is never logged. */
export interface SshTarget {
  serverId: number
  name: string
  address: string
  port: number
  user: string
  /** `SHA256:…`; null until the user accepted the key that `scanHostKey` showed. */
  hostKeyFingerprint: string | null
  privateKey: string
  passphrase?: string
  connectTimeoutMs?: number
}

/** Ids and sentences only: never keys, passwords or scripts. */
export interface SshLog {
  info(message: string): void
  warn(message: string): void
}

export interface SshPoolOptions {
  /** A logger per connection, e.g. `(t) => scopedLogger(\`ssh ${t.name}\`)`. Default: none. */
  logFor?: (target: SshTarget) => SshLog
  /**
   * Scripts running at once on one connection; more wait their turn. OpenSSH allows 10
   * sessions per connection (MaxSessions) and a timed-out script needs one more to be killed.
   */
  maxChannelsPerConnection?: number
}

interface Connection {
  client: Promise<Client>
  closed: boolean
  active: number
  waiting: (() => void)[]
}

const SILENT: SshLog = { info: () => {}, warn: () => {} }

function keyOf(target: SshTarget): string {
  return `${target.serverId}|${target.user}@${target.address}:${target.port}`
}

/**
 * One SSH connection per server for the length of a run: opened on the first script, reused by
 * every later one (one login, one host key check), closed by `close()`. A connection that drops
 * is forgotten, so the next script opens a new one.
 */
export class SshPool {
  private readonly connections = new Map<string, Connection>()
  private readonly maxChannels: number

  constructor(private readonly options: SshPoolOptions = {}) {
    this.maxChannels = options.maxChannelsPerConnection ?? 8
  }

  /** Runs a script; rejects with SshError when the server can't be reached or logged into. */
  async exec(target: SshTarget, request: ExecRequest): Promise<ExecResult> {
    const connection = this.connectionFor(target)
    const client = await connection.client
    await this.acquire(connection)
    try {
      const result = await runScript(client, request).catch((error: unknown) => {
        throw this.dropped(target, 'before the script started', error)
      })
      if (result.exitCode === null && result.signal === undefined && !result.timedOut) {
        throw this.dropped(target, 'before the script finished; it may have run in part')
      }
      return result
    } finally {
      this.release(connection)
    }
  }

  /** Opens (or reuses) the connection without running anything, e.g. to check a login. */
  async connect(target: SshTarget): Promise<void> {
    await this.connectionFor(target).client
  }

  get openConnections(): number {
    return this.connections.size
  }

  async close(): Promise<void> {
    const connections = [...this.connections.values()]
    this.connections.clear()
    await Promise.all(connections.map(closeConnection))
  }

  private connectionFor(target: SshTarget): Connection {
    const key = keyOf(target)
    const existing = this.connections.get(key)
    if (existing) return existing

    const log = this.options.logFor?.(target) ?? SILENT
    log.info(`Connecting to server ${target.serverId}`)
    const client = this.open(target)
    const connection: Connection = { client, closed: false, active: 0, waiting: [] }
    this.connections.set(key, connection)
    const forget = () => {
      connection.closed = true
      if (this.connections.get(key) === connection) this.connections.delete(key)
    }
    connection.client.then(
      (client) => {
        log.info(`Connected to server ${target.serverId} as ${target.user}`)
        client.once('close', () => {
          log.info(`Connection to server ${target.serverId} closed`)
          forget()
        })
      },
      (error: SshError) => {
        log.warn(`Connection to server ${target.serverId} failed: ${error.code}`)
        forget()
      },
    )
    return connection
  }

  private open(target: SshTarget): Promise<Client> {
    // Parsing first turns a wrong passphrase into a field error, and names the key if refused.
    const key = parsePrivateKey(target.privateKey, target.passphrase)
    const label = key.comment ? `'${key.comment}' (${key.fingerprint})` : key.fingerprint
    return openClient(target, {
      kind: 'key',
      privateKey: key.privateKey,
      passphrase: target.passphrase,
      label,
    })
  }

  private acquire(connection: Connection): Promise<void> {
    if (connection.active < this.maxChannels) {
      connection.active++
      return Promise.resolve()
    }
    return new Promise((resolve) => connection.waiting.push(resolve))
  }

  /** Hands the channel slot straight to the next waiting script, if any. */
  private release(connection: Connection): void {
    const next = connection.waiting.shift()
    if (next) next()
    else connection.active--
  }

  private dropped(target: SshTarget, when: string, cause?: unknown): SshError {
    const message = `Connection to server ${describeServer(target)} was lost ${when}`
    return new SshError({ code: 'DISCONNECTED', server: target.name, message }, { cause })
  }
}

function closeConnection(connection: Connection): Promise<void> {
  return connection.client.then(
    (client) =>
      new Promise<void>((resolve) => {
        if (connection.closed) return resolve()
        client.once('close', () => resolve())
        client.end()
      }),
    () => undefined,
  )
}
