import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { and, eq, inArray } from 'drizzle-orm'
import type { LogState, RunSummary } from '../../src-shared/schemas/orchestration'
import type { EventHub } from '../core/events'
import type { Keychain } from '../core/keychain'
import { scopedLogger } from '../core/logger'
import { backendLogs, backendOperations, servers, sshKeys } from '../db/schema'
import type { Store } from '../db/store'
import { findBackend } from './backends'
import { runLocalScript } from './local-run'
import type { RunPlan } from './plan'
import { FAILED_OPERATION } from './script'
import { Semaphore } from './semaphore'
import { SshPool, type ExecResult, type SshTarget } from './ssh/connection-pool'
import { SshError } from './ssh/errors'

const log = scopedLogger('orchestration')

export const privateKeyAccount = (fingerprint: string) => `ssh-key:${fingerprint}`
export const passphraseAccount = (fingerprint: string) => `ssh-key-passphrase:${fingerprint}`

export interface OrchestratorOptions {
  store: () => Store
  keychain: Keychain
  events: EventHub
  clock?: () => Date
  /** How long a claim on a log holds without renewal; renewed every third of it while it runs. */
  leaseMs?: number
  /** Servers worked on at once; each server runs its scripts one after another. */
  parallelServers?: number
  connectTimeoutMs?: number
  /** Overrides every backend's script timeout (tests, tools). */
  scriptTimeoutMs?: number
}

interface Outcome {
  state: LogState
  exitCode: number | null
  stdout: string
  stderr: string
  error: string
}

/** Why a run cannot start, as the user should read it; nothing was sent. */
export class NotStarted extends Error {}

/**
 * Runs the logs a change wrote. Each log is claimed before it starts (so that two
 * workstations on one database never run the same one), its output is streamed as pushed
 * events and saved as it comes, and its end state is written whatever happens. Scripts of one
 * server run one after another over one SSH connection; servers run in parallel, bounded.
 */
export class Orchestrator {
  /** `host:pid:instance`: who holds a claim, and whether that process still lives. */
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  private readonly pool: SshPool
  private readonly servers: Semaphore
  private readonly background = new Set<Promise<void>>()
  private readonly leaseMs: number
  private readonly secrets = new Map<
    string,
    Promise<{ privateKey: string; passphrase?: string } | undefined>
  >()

  constructor(private readonly options: OrchestratorOptions) {
    this.leaseMs = options.leaseMs ?? 60_000
    this.servers = new Semaphore(options.parallelServers ?? 20)
    this.pool = new SshPool({
      logFor: (target) => scopedLogger(`ssh ${target.name}`),
    })
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date()
  }

  /** The claim a new log carries until it starts. */
  claim(): { claimedBy: string; leaseUntil: string } {
    return {
      claimedBy: this.instance,
      leaseUntil: new Date(this.now().getTime() + this.leaseMs).toISOString(),
    }
  }

  /**
   * Runs a plan: synchronous logs before returning, asynchronous ones in the background
   * (`settled()` waits for those). `scripts` holds the texts with their secrets, by log id,
   * when they differ from what was stored.
   */
  async execute(plan: RunPlan): Promise<RunSummary> {
    const scripts = plan.secretScripts
    if (plan.logs.length || plan.notRouted.length) {
      this.options.events.emit('orchestration:run', this.summaryOf(plan))
    }
    const runnable = plan.logs.filter((planned) => planned.state === 'RECEIVED')
    const waitFor = this.runLogs(
      runnable.filter((l) => !l.isAsync),
      scripts,
    )
    const background = this.runLogs(
      runnable.filter((l) => l.isAsync),
      scripts,
    )
    this.background.add(background)
    void background.finally(() => this.background.delete(background))
    await waitFor
    return this.currentSummary(plan)
  }

  /** Resolves once every background run has ended. */
  async settled(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background])
  }

  async close(): Promise<void> {
    await this.settled()
    await this.pool.close()
  }

  private summaryOf(plan: RunPlan): RunSummary {
    return {
      runId: plan.runId,
      logs: plan.logs.map(({ id, backend, serverName, state, isAsync, operations }) => ({
        id,
        backend,
        serverName,
        state,
        isAsync,
        operations,
      })),
      notRouted: plan.notRouted,
    }
  }

  private async currentSummary(plan: RunPlan): Promise<RunSummary> {
    const ids = plan.logs.map((l) => l.id)
    if (!ids.length) return this.summaryOf(plan)
    const rows = await this.options
      .store()
      .read((tx) =>
        tx
          .select({ id: backendLogs.id, state: backendLogs.state })
          .from(backendLogs)
          .where(inArray(backendLogs.id, ids)),
      )
    const states = new Map(rows.map((row) => [row.id, row.state as LogState]))
    const summary = this.summaryOf(plan)
    summary.logs.forEach((entry) => (entry.state = states.get(entry.id) ?? entry.state))
    return summary
  }

  private async runLogs(logs: RunPlan['logs'], scripts: ReadonlyMap<number, string>) {
    const byServer = new Map<number, number[]>()
    for (const planned of logs) {
      byServer.set(planned.serverId, [...(byServer.get(planned.serverId) ?? []), planned.id])
    }
    await Promise.all(
      [...byServer.values()].map((ids) =>
        this.servers.use(async () => {
          for (const id of ids) {
            // The change is committed whatever happens here. If the database itself fails
            // mid-run, the log stays STARTED and the next start marks it ABORTED.
            await this.runLog(id, scripts.get(id)).catch((error: unknown) =>
              log.error(`Log ${id} could not be run or recorded: ${String(error)}`),
            )
          }
        }),
      ),
    )
  }

  /** Runs one log to its end state; a failure to run ends up in the log, not thrown. */
  async runLog(id: number, scriptText?: string): Promise<void> {
    const store = this.options.store()
    const started = this.now().toISOString()
    const claimed = await store.write(async (tx) => {
      const rows = await tx
        .update(backendLogs)
        .set({ state: 'STARTED', startedAt: started, updatedAt: started, ...this.claim() })
        .where(and(eq(backendLogs.id, id), eq(backendLogs.state, 'RECEIVED')))
        .returning()
      return rows[0]
    })
    // Another process (a second workstation) claimed it first, or it was aborted meanwhile.
    if (!claimed) return
    this.emitState(id, 'STARTED', claimed.backend, claimed.serverName)

    let stdout = ''
    let stderr = ''
    const renew = setInterval(
      () => {
        void this.saveProgress(id, stdout, stderr).catch((error: unknown) =>
          log.warn(`Could not save the progress of log ${id}: ${String(error)}`),
        )
      },
      Math.max(500, Math.floor(this.leaseMs / 3)),
    )

    let outcome: Outcome
    try {
      const backend = findBackend(claimed.backend)
      const timeoutMs = this.options.scriptTimeoutMs ?? backend?.timeoutMs ?? 300_000
      const request = {
        executable: backend?.executable ?? '/bin/bash',
        script: scriptText ?? claimed.script,
        timeoutMs,
        onStdout: (text: string) => {
          stdout += text
          this.options.events.emit('orchestration:output', { logId: id, stream: 'stdout', text })
        },
        onStderr: (text: string) => {
          stderr += text
          this.options.events.emit('orchestration:output', { logId: id, stream: 'stderr', text })
        },
      }
      const result = await this.exec(claimed.serverId, request)
      outcome = this.outcomeOf(result, timeoutMs)
    } catch (error) {
      outcome = {
        state: 'ERROR',
        exitCode: null,
        stdout,
        stderr,
        error:
          error instanceof NotStarted || error instanceof SshError
            ? error.message
            : `${String(error)}`,
      }
      if (!(error instanceof NotStarted || error instanceof SshError)) {
        log.error(`Log ${id} failed to run: ${String(error)}`)
      }
    } finally {
      clearInterval(renew)
    }
    await this.finish(id, outcome)
    this.emitState(id, outcome.state, claimed.backend, claimed.serverName)
  }

  private outcomeOf(result: ExecResult, timeoutMs: number): Outcome {
    const base = { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
    if (result.timedOut) {
      return {
        ...base,
        state: 'TIMEOUT',
        error: `The script ran longer than ${timeoutMs / 1000} s and was killed`,
      }
    }
    if (result.exitCode === 0) return { ...base, state: 'SUCCESS', error: '' }
    const how = result.signal
      ? `ended by signal ${result.signal}`
      : `exited with code ${result.exitCode}`
    return { ...base, state: 'FAILURE', error: `The script ${how}` }
  }

  private async exec(
    serverId: number | null,
    request: Parameters<SshPool['exec']>[1],
  ): Promise<ExecResult> {
    if (serverId === null) throw new NotStarted('The server of this log was deleted')
    const target = await this.targetOf(serverId)
    return target === 'local' ? runLocalScript(request) : this.pool.exec(target, request)
  }

  /**
   * How to reach a server: its address, user, pinned host key and the private key from this
   * workstation's keychain. Throws a message for the user when something is missing.
   */
  async targetOf(serverId: number): Promise<SshTarget | 'local'> {
    const row = await this.options.store().read(async (tx) => {
      const [found] = await tx
        .select({ server: servers, key: sshKeys })
        .from(servers)
        .leftJoin(sshKeys, eq(sshKeys.id, servers.keyId))
        .where(eq(servers.id, serverId))
      return found
    })
    if (!row) throw new NotStarted(`Server ${serverId} does not exist any more`)
    const { server, key } = row
    if (server.method === 'local') return 'local'

    if (!key) {
      throw new NotStarted(`Server ${server.name} has no SSH key: choose one on the server's page`)
    }
    const secret = await this.secretOf(key.fingerprint, key.hasPassphrase)
    const keychain = secret ? undefined : await this.options.keychain.status()
    if (keychain && !keychain.available) {
      throw new NotStarted(
        `The OS keychain is not available, so the private key '${key.label}' cannot be read ` +
          `to run scripts on ${server.name}: ${keychain.reason}`,
      )
    }
    if (!secret) {
      throw new NotStarted(
        `The private key '${key.label}' (${key.fingerprint}) is not in this workstation's ` +
          `OS keychain: import it here to run scripts on ${server.name}`,
      )
    }
    const { privateKey, passphrase } = secret
    return {
      serverId: server.id,
      name: server.name,
      address: server.address || server.name,
      port: server.sshPort,
      user: server.sshUser,
      hostKeyFingerprint: server.hostKeyFingerprint,
      privateKey,
      ...(passphrase && { passphrase }),
      ...(this.options.connectTimeoutMs && { connectTimeoutMs: this.options.connectTimeoutMs }),
    }
  }

  /**
   * A key as the keychain holds it, read once per core: a keychain read blocks for several
   * milliseconds, and a change to 20 servers would otherwise read the same key 20 times. The
   * key stays in this process only, as the open connections that use it do anyway.
   */
  private secretOf(fingerprint: string, hasPassphrase: boolean) {
    let secret = this.secrets.get(fingerprint)
    if (!secret) {
      secret = (async () => {
        const privateKey = await this.options.keychain.get(privateKeyAccount(fingerprint))
        if (!privateKey) return undefined
        const passphrase = hasPassphrase
          ? await this.options.keychain.get(passphraseAccount(fingerprint))
          : undefined
        return { privateKey, passphrase }
      })()
      this.secrets.set(fingerprint, secret)
      // A key missing now may be imported later: only keys found are kept.
      void secret.then((found) => found || this.secrets.delete(fingerprint))
    }
    return secret
  }

  /** Forgets a key (deleted or replaced) and closes what used it. */
  async forgetKey(fingerprint: string): Promise<void> {
    this.secrets.delete(fingerprint)
    await this.pool.close()
  }

  /** The shared connections, for checks that ride on them (uptime). */
  get connections(): SshPool {
    return this.pool
  }

  private async saveProgress(id: number, stdout: string, stderr: string) {
    const leaseUntil = new Date(this.now().getTime() + this.leaseMs).toISOString()
    await this.options.store().write((tx) =>
      tx
        .update(backendLogs)
        .set({ stdout, stderr, leaseUntil, updatedAt: this.now().toISOString() })
        .where(and(eq(backendLogs.id, id), eq(backendLogs.state, 'STARTED'))),
    )
  }

  private async finish(id: number, outcome: Outcome) {
    const now = this.now().toISOString()
    const failed = new Set(
      [...outcome.stderr.matchAll(new RegExp(FAILED_OPERATION.source, 'gm'))].map((m) =>
        Number(m[1]),
      ),
    )
    await this.options.store().write(async (tx) => {
      await tx
        .update(backendLogs)
        .set({ ...outcome, finishedAt: now, updatedAt: now, leaseUntil: null })
        .where(eq(backendLogs.id, id))
      const operations = await tx
        .select({ id: backendOperations.id })
        .from(backendOperations)
        .where(eq(backendOperations.logId, id))
        .orderBy(backendOperations.id)
      for (const [index, operation] of operations.entries()) {
        const state = this.operationState(outcome.state, failed, index + 1)
        await tx
          .update(backendOperations)
          .set({ state })
          .where(eq(backendOperations.id, operation.id))
      }
    })
  }

  /** A failing block marks only its own operation; a run that never got going marks them all. */
  private operationState(logState: LogState, failed: ReadonlySet<number>, number: number): string {
    if (logState === 'SUCCESS') return 'SUCCESS'
    if (logState === 'FAILURE' && failed.size) return failed.has(number) ? 'FAILURE' : 'SUCCESS'
    return logState
  }

  private emitState(id: number, state: LogState, backend: string, serverName: string) {
    this.options.events.emit('orchestration:log', { id, state, backend, serverName })
  }
}
