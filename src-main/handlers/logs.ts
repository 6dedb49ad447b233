import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Channels } from '../../src-shared/contract/channels'
import * as logs from '../data/backend-logs'
import { exportLogsToFile } from '../orchestration/log-export'
import { planRetry } from '../orchestration/recovery'
import type { HandlerTable } from './types'

type LogChannels = Extract<keyof Channels, `logs:${string}`>

export const logHandlers: HandlerTable<LogChannels> = {
  'logs:list': (request, { tx }) => logs.listLogs(tx, request),
  'logs:get': ({ id }, { tx }) => logs.getLog(tx, id),

  'logs:retry': async ({ id }, { core }) => {
    const now = new Date().toISOString()
    const plan = await planRetry(core.database.store, id, {
      actor: core.actor,
      now,
      ...core.orchestrator.claim(),
    })
    return core.orchestrator.execute(plan)
  },

  'logs:export': ({ ids, file }, { core }) => {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    // A bare name goes beside the other exports, not wherever the app happened to start.
    const exports = join(core.info.dataDir, 'exports')
    const target = file ? resolve(exports, file) : join(exports, `backend-logs-${stamp}.sqlite`)
    mkdirSync(dirname(target), { recursive: true })
    return exportLogsToFile(core.database.store, ids, target)
  },
}
