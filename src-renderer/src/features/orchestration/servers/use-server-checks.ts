import { useState } from 'react'
import type { ServerCheck } from '../../../../../src-shared/schemas/orchestration'
import { useChannelMutation } from '../../../api/queries'
import { notifyFailure } from '../../../lib/notify'
import { i18next } from '../../../i18n'

/** Checks servers on demand and keeps the latest result of each, by server id. */
export function useServerChecks() {
  const check = useChannelMutation('servers:check')
  const [results, setResults] = useState<ReadonlyMap<number, ServerCheck>>(new Map())

  const run = (ids: number[]) => {
    if (ids.length === 0) return
    check.mutate(
      { ids },
      {
        onSuccess: (checks) =>
          setResults((previous) => {
            const next = new Map(previous)
            for (const result of checks) next.set(result.serverId, result)
            return next
          }),
        onError: (error) => notifyFailure(i18next.t('servers.check'), error),
      },
    )
  }

  return { results, run, checking: check.isPending }
}
