import type { Fleet } from './fleet'
import { createAccount, loginCount, successfulLogs } from './fleet'

export interface OneServerResult {
  changes: number
  /** Each change's wall time, its script included. */
  ms: number[]
  /** Logins the server's sshd accepted during all of them. */
  logins: number
}

/**
 * Many operations on one server: every route but the first server's is switched off, the
 * pool is emptied, and `changes` accounts are created one after another, each a change whose
 * script runs on that server alone. sshd's log then says how many times the app logged in.
 */
export async function measureOneServer(fleet: Fleet, changes: number): Promise<OneServerResult> {
  const { core } = fleet
  const target = fleet.servers[0]!
  for (const route of await core.dispatcher.dispatch('routes:list', {})) {
    if (route.serverId === target.id) continue
    await core.dispatcher.dispatch('routes:update', {
      id: route.id,
      version: route.version,
      isActive: false,
    })
  }
  await core.orchestrator.connections.close()

  const server = [fleet.ssh[0]!]
  const before = loginCount(server)
  const ms: number[] = []
  for (let i = 0; i < changes; i++) {
    const start = performance.now()
    const id = await createAccount(core)
    ms.push(performance.now() - start)
    await successfulLogs(core, id, 1)
  }
  return { changes, ms, logins: loginCount(server) - before }
}
