import { sh } from '../../core/escape'
import { loadActiveRoutes } from '../../data/routes'
import type { Tx } from '../../db/store'
import { runLocalScript } from '../local-run'
import type { Orchestrator } from '../orchestrator'
import { unixUserBackend } from './unix-users'

/** One folder that a server of the unix-user routes does not have. */
export interface MissingPath {
  server: string
  path: string
}

const MISSING = / path does not exist\.$/

/**
 * validate_paths_exist (spec 3.4): a script that names on stderr each path that is not a
 * folder, and never fails. Paths arrive checked (absolute, no `..`, no shell characters).
 */
export function pathsCheckScript(paths: readonly string[]): string {
  return sh`for path in ${paths}; do
  [ -d "$path" ] || printf '%s path does not exist.\\n' "$path" >&2
done
exit 0
`.text
}

/** The servers the unix-user backend is routed to, as `[id, name]`. */
export async function routedServers(tx: Tx): Promise<[number, string][]> {
  const routes = await loadActiveRoutes(tx)
  const byId = new Map<number, string>()
  for (const { route, server } of routes) {
    if (route.backend === unixUserBackend.id) byId.set(server.id, server.name)
  }
  return [...byId]
}

/**
 * Runs the check on each of `servers`, right away and outside any unit of work, so a form can
 * name a missing directory before anything is saved.
 *
 * TODO(#5): every unix-user server is asked, not only those whose route expression matches
 * the user being edited; routes by account or role would need the object to evaluate.
 */
export async function findMissingPaths(
  orchestrator: Orchestrator,
  servers: readonly [number, string][],
  paths: readonly string[],
): Promise<MissingPath[]> {
  const script = pathsCheckScript(paths)
  const request = { executable: '/bin/bash', script, timeoutMs: 30_000 }
  const missing: MissingPath[] = []
  for (const [serverId, name] of servers) {
    const target = await orchestrator.targetOf(serverId)
    const result =
      target === 'local'
        ? await runLocalScript(request)
        : await orchestrator.connections.exec(target, request)
    for (const line of result.stderr.split('\n')) {
      if (MISSING.test(line)) missing.push({ server: name, path: line.replace(MISSING, '') })
    }
  }
  return missing
}
