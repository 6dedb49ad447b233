import type { Channels } from '../../src-shared/contract/channels'
import { AppError } from '../../src-shared/errors'
import { effectiveAddress, type ServerCheck } from '../../src-shared/schemas/orchestration'
import * as servers from '../data/servers'
import { NotStarted } from '../orchestration/orchestrator'
import { checkServer, measureTcp } from '../orchestration/ssh/check'
import { SshError } from '../orchestration/ssh/errors'
import { scanHostKey } from '../orchestration/ssh/host-key'
import type { CoreServices, HandlerTable } from './types'

type ServerChannels = Extract<keyof Channels, `servers:${string}`>

async function readServer(core: CoreServices, id: number) {
  return core.database.store.read((tx) => servers.getServer(tx, id))
}

/** SSH failures a user can act on become a plain message, not a crash report. */
function asUserError(error: unknown): never {
  if (error instanceof SshError) {
    throw new AppError({ code: 'UNAVAILABLE', message: error.message, details: error.toBody() })
  }
  if (error instanceof NotStarted) throw new AppError({ code: 'FORBIDDEN', message: error.message })
  throw error
}

/**
 * Reachability is the SSH port answering; uptime and load need a login. A server that cannot
 * be logged into yet (no key chosen, key not in this keychain) is still reported reachable,
 * with what is missing.
 */
async function check(core: CoreServices, id: number): Promise<ServerCheck> {
  let target: Awaited<ReturnType<CoreServices['orchestrator']['targetOf']>>
  try {
    target = await core.orchestrator.targetOf(id)
  } catch (error) {
    if (!(error instanceof NotStarted)) throw error
    const server = await readServer(core, id)
    const latencyMs = await measureTcp({ address: effectiveAddress(server), port: server.sshPort })
      .then((ms) => ms)
      .catch(() => null)
    return { serverId: id, reachable: latencyMs !== null, latencyMs, error: error.message }
  }
  if (target === 'local') return { serverId: id, reachable: true, latencyMs: 0 }
  const result = await checkServer(core.orchestrator.connections, target)
  return { serverId: id, ...result, error: result.error?.message }
}

export const serverHandlers: HandlerTable<ServerChannels> = {
  'servers:list': (_request, { tx }) => servers.listServers(tx),
  'servers:get': ({ id }, { tx }) => servers.getServer(tx, id),
  'servers:create': (request, scope) => servers.createServer(scope, request),
  'servers:update': (request, scope) => servers.updateServer(scope, request),
  'servers:delete': async ({ id }, scope) => {
    await servers.deleteServer(scope, id)
    return { deleted: 1 }
  },

  'servers:scanHostKey': async ({ id }, { core }) => {
    const server = await readServer(core, id)
    const key = await scanHostKey({
      address: effectiveAddress(server),
      port: server.sshPort,
    }).catch(asUserError)
    return {
      serverId: id,
      fingerprint: key.fingerprint,
      keyType: key.keyType,
      accepted: server.hostKeyFingerprint,
    }
  },

  // The key is fetched again: what is pinned is what the server shows now, and only if it is
  // the one the user saw.
  'servers:acceptHostKey': async ({ id, fingerprint }, { core }) => {
    const server = await readServer(core, id)
    const key = await scanHostKey({
      address: effectiveAddress(server),
      port: server.sshPort,
    }).catch(asUserError)
    if (key.fingerprint !== fingerprint) {
      throw AppError.validation([
        {
          field: 'fingerprint',
          rule: 'changed',
          message:
            `server ${server.name} now shows ${key.fingerprint}, ` +
            `not the ${fingerprint} that was accepted; fetch it again and compare`,
        },
      ])
    }
    return core.write((scope) => servers.acceptHostKey(scope, id, key))
  },

  'servers:check': ({ ids }, { core }) => Promise.all(ids.map((id) => check(core, id))),
}
