import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../../src-main/core/core'
import type { LogRow, Server } from '../../src-shared/schemas/orchestration'
import { addTestServer } from '../../test/support/orchestration'
import type { TestCore } from '../../test/support/core'
import { startSshServers, stopSshServers, type TestSshServer } from '../../test/support/ssh-server'

/**
 * The servers and the app the benchmark pushes to: real sshd processes on loopback (each in
 * its own namespaces, so the scripts really write files), and a core on a throwaway SQLite
 * data folder that knows them as the interface would have set them up: each server's key
 * imported into the OS keychain, its host key accepted, one account-file route per server.
 */
export interface Fleet {
  core: Core
  ssh: TestSshServer[]
  servers: Server[]
  close(): Promise<void>
}

export async function openFleet(count: number): Promise<Fleet> {
  const ssh = await startSshServers(count)
  const dataDir = mkdtempSync(join(tmpdir(), 'orchestra-bench-orchestration-'))
  const stop = async (core?: Core) => {
    await core?.close()
    await stopSshServers(ssh)
    rmSync(dataDir, { recursive: true, force: true })
  }

  let core: Core | undefined
  try {
    core = await openCore({
      dataDir,
      database: join(dataDir, 'bench.sqlite'),
      quietLogs: true,
      operator: 'bench@localhost',
    })
    const status = await core.dispatcher.dispatch('database:status', {})
    if (!status.keychain.available) {
      throw new Error(`The OS keychain is not available: ${status.keychain.reason}`)
    }
    // addTestServer only calls the dispatcher; the rest of TestCore is for tests' clean-up.
    const handle: TestCore = { ...core, dataDir, dispose: () => Promise.resolve() }
    const servers: Server[] = []
    for (const [index, server] of ssh.entries()) {
      const added = await addTestServer(handle, server, `web${index + 1}`)
      await core.dispatcher.dispatch('routes:create', {
        backend: 'account-file',
        serverId: added.id,
        match: '',
      })
      servers.push(added)
    }
    const opened = core
    // Once only: a Ctrl-C may ask while the run's own clean-up is under way.
    let closing: Promise<void> | undefined
    return { core: opened, ssh, servers, close: () => (closing ??= stop(opened)) }
  } catch (error) {
    await stop(core)
    throw error
  }
}

/** Logins sshd accepted so far, over the given servers: one "Accepted publickey" line each. */
export function loginCount(servers: readonly TestSshServer[]): number {
  const lines = (server: TestSshServer) =>
    readFileSync(server.logFile, 'utf8').match(/^Accepted publickey /gm)?.length ?? 0
  return servers.reduce((sum, server) => sum + lines(server), 0)
}

let serial = 0

/** One change as an operator makes it: a new account, whose file every routed server gets. */
export async function createAccount(core: Core): Promise<number> {
  serial += 1
  const username = `bench${serial}`
  const detail = await core.dispatcher.dispatch('accounts:create', {
    username,
    fullName: `Bench Account ${serial}`,
    email: `${username}@example.net`,
    contacts: [{ shortName: 'Bench', email: `${username}@example.net`, phone: '612345678' }],
  })
  return detail.account.id
}

/** The logs one change wrote; throws unless there are `expected` of them, all SUCCESS. */
export async function successfulLogs(
  core: Core,
  accountId: number,
  expected: number,
): Promise<LogRow[]> {
  const logs = await core.dispatcher.dispatch('logs:list', {
    objectType: 'account',
    objectId: accountId,
    pageSize: 100,
  })
  const failed = logs.rows.filter((row) => row.state !== 'SUCCESS')
  if (logs.total !== expected || failed.length) {
    const states = logs.rows.map((row) => `${row.serverName} ${row.state}`).join(', ')
    throw new Error(`Account ${accountId}: expected ${expected} SUCCESS logs, got ${states}`)
  }
  return logs.rows
}
