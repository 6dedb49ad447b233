import { LOG_STATES, type LogListQuery } from '../../../../../src-shared/schemas/orchestration'

/** The filters of the logs list as they stand in the address (`?state=FAILURE&from=…`). */
export interface LogFilters {
  state: string | null
  server: string | null
  backend: string | null
  /** Days as `YYYY-MM-DD`, in the operator's time zone. */
  from: string | null
  to: string | null
  /** Set by links from an object's page (an account's logs); shown as a removable note. */
  objectType: string | null
  objectId: string | null
}

export const FILTER_KEYS = [
  'state',
  'server',
  'backend',
  'from',
  'to',
  'objectType',
  'objectId',
] as const

export function readFilters(params: URLSearchParams): LogFilters {
  return {
    state: params.get('state'),
    server: params.get('server'),
    backend: params.get('backend'),
    from: params.get('from'),
    to: params.get('to'),
    objectType: params.get('objectType'),
    objectId: params.get('objectId'),
  }
}

/** Local midnight of a `YYYY-MM-DD` day, `days` later, as an ISO instant. */
function dayStart(day: string | null, days = 0): string | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null
  if (!match) return undefined
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The request part of the filters; "to" includes the whole of its day. */
export function filtersToQuery(filters: LogFilters): Partial<LogListQuery> {
  const state = LOG_STATES.find((known) => known === filters.state)
  const serverId = Number(filters.server) || undefined
  return {
    state,
    serverId,
    backend: filters.backend || undefined,
    from: dayStart(filters.from),
    to: dayStart(filters.to, 1),
    objectType: filters.objectType || undefined,
    objectId: Number(filters.objectId) || undefined,
  }
}
