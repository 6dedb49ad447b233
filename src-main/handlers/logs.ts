import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Channels } from '../../src-shared/contract/channels'
import { AppError } from '../../src-shared/errors'
import * as logs from '../data/backend-logs'
import { planRetry } from '../orchestration/recovery'
import type { HandlerTable } from './types'

type LogChannels = Extract<keyof Channels, `logs:${string}`>

export const LOG_EXPORT_FORMAT = 'orchestra-desktop/backend-logs'

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

  // TODO(#4): the export is JSON; opening it in another copy of the app (read-only audit
  // view) is the next slice.
  'logs:export': async ({ ids, file }, { core }) => {
    const data = await core.database.store.read((tx) => logs.exportLogs(tx, ids))
    if (!data.logs.length)
      throw new AppError({ code: 'NOT_FOUND', message: 'None of these logs exist' })
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const target = file ?? join(core.info.dataDir, 'exports', `backend-logs-${stamp}.json`)
    mkdirSync(dirname(target), { recursive: true })
    const document = {
      format: LOG_EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      exportedBy: core.actor,
      ...data,
    }
    writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 })
    return { file: target, logs: data.logs.length }
  },
}
