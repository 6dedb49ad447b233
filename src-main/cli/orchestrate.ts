import { SUCCESS_STATES } from '../../src-shared/schemas/orchestration'
import { AppError } from '../../src-shared/errors'
import { openCore, type CoreOptions } from '../core/core'
import { listBackends } from '../data/routes'

export interface OrchestrateOptions extends CoreOptions {
  dryRun: boolean
  backends: string[]
  servers: string[]
  action: string
  listBackends: boolean
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

export function orchestrateOptions(values: Record<string, string | boolean | undefined>) {
  return {
    dryRun: values['dry-run'] === true,
    backends: list(values.backend as string | undefined),
    servers: list(values.server as string | undefined),
    action: (values.action as string | undefined) ?? 'save',
    listBackends: values['list-backends'] === true,
  }
}

/**
 * `orchestra orchestrate`: sends every object of the routed backends to their servers again
 * (after a server was rebuilt, say). Prints each script under `# Execute <backend> on
 * <server>`; unless it is a dry run, runs them with their output streamed, ends with one line
 * per log, and exits 1 when any did not succeed.
 */
export async function orchestrate(options: OrchestrateOptions): Promise<number> {
  const out = (text: string) => process.stdout.write(text)
  if (options.listBackends) {
    for (const backend of listBackends()) out(`${backend.id}\t${backend.label}\t${backend.model}\n`)
    return 0
  }

  const core = await openCore({ ...options, quietLogs: true })
  try {
    const names = new Map<number, string>()
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event === 'orchestration:log') {
        const log = payload as { id: number; backend: string; serverName: string }
        names.set(log.id, `${log.backend}@${log.serverName}`)
      }
      if (event === 'orchestration:output') {
        const chunk = payload as { logId: number; stream: string; text: string }
        const stream = chunk.stream === 'stderr' ? ' stderr' : ''
        const prefix = `[${names.get(chunk.logId) ?? chunk.logId}${stream}] `
        const target = chunk.stream === 'stderr' ? process.stderr : process.stdout
        target.write(chunk.text.replace(/^(?=.)/gm, prefix))
      }
    })
    const result = await core.dispatcher.dispatch('orchestration:orchestrate', {
      backends: options.backends,
      servers: options.servers,
      action: options.action,
      dryRun: options.dryRun,
    })
    unsubscribe()

    const notRouted = (items: typeof result.notRouted) => {
      for (const item of items)
        out(`not routed: ${item.backend} ${item.action} ${item.objectRepr}\n`)
    }
    if (options.dryRun || !result.summary) {
      for (const script of result.scripts) {
        out(`# Execute ${script.backend} on ${script.serverName} (${script.serverAddress})\n`)
        out(`${script.script}\n`)
      }
      notRouted(result.notRouted)
      if (!result.scripts.length) out('Nothing to send: no route matches any object.\n')
      return 0
    }
    let failed = false
    for (const log of result.summary.logs) {
      out(`${log.backend}@${log.serverName} ${log.state} (log ${log.id})\n`)
      if (SUCCESS_STATES.includes(log.state)) continue
      failed = true
      // Why, in the log's own words: the SSH error, the exit code, the timeout.
      const detail = await core.dispatcher.dispatch('logs:get', { id: log.id })
      if (detail.error) out(`  ${detail.error}\n`)
    }
    notRouted(result.summary.notRouted)
    return failed ? 1 : 0
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`orchestra: ${error.message}\n`)
      return 2
    }
    throw error
  } finally {
    await core.close()
  }
}
