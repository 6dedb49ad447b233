import type { Channels } from '../../src-shared/contract/channels'
import {
  createProcesses,
  deleteProcess,
  getProcessDetail,
  listProcesses,
  processFile,
  processRows,
  setProcessState,
} from '../data/payment-processes'
import { localToday } from './bills'
import type { HandlerTable } from './types'

type ProcessChannels = Extract<keyof Channels, `paymentProcesses:${string}`>

export const paymentProcessHandlers: HandlerTable<ProcessChannels> = {
  'paymentProcesses:create': async (request, scope) => {
    const created = await createProcesses(scope, request, { today: localToday(scope.now) })
    const ids = created.map((process) => process.id)
    return { processes: await processRows(scope.tx, ids) }
  },
  'paymentProcesses:list': (request, { tx }) => listProcesses(tx, request),
  'paymentProcesses:get': ({ id }, { tx }) => getProcessDetail(tx, id),
  'paymentProcesses:setState': async (request, scope) => {
    await setProcessState(scope, request)
    return getProcessDetail(scope.tx, request.id)
  },
  'paymentProcesses:delete': async (request, scope) => {
    await deleteProcess(scope, request)
    return { deleted: 1 }
  },
  'paymentProcesses:file': ({ id }, { tx }) => processFile(tx, id),
}
