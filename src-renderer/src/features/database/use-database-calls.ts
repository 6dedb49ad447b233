import { useMutation, useQuery } from '@tanstack/react-query'
import type { ChannelRequest, ChannelResponse } from '../../../../src-shared/contract/channels'
import type { AppError } from '../../../../src-shared/errors'
import { useApi } from '../../api/client-context'

type DatabaseAction = 'database:check' | 'database:connect' | 'database:copy'

/** Which database is open and where that choice came from. */
export function useDatabaseStatus() {
  const api = useApi()
  return useQuery({
    queryKey: ['database:status'],
    queryFn: () => api['database:status']({}),
  })
}

/**
 * A call on a database rather than on its data. Unlike a write it reloads nothing itself: a
 * check and a copy leave the open database as it was, and a switch is announced by
 * `database:switched`, which reloads everything (see use-database-switched).
 */
export function useDatabaseAction<N extends DatabaseAction>(name: N) {
  const api = useApi()
  const call = api[name] as (request: ChannelRequest<N>) => Promise<ChannelResponse<N>>
  return useMutation<ChannelResponse<N>, AppError | Error, ChannelRequest<N>>({
    mutationFn: (request) => call(request),
  })
}
