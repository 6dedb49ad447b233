import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useClient } from './client-context'

/**
 * Another database was opened (here, in another window, or by the API): nothing cached is
 * true any more, not even `app:info`, which names the database. What is on screen reloads;
 * everything else is dropped, so no page shows the old database's rows while it loads.
 */
export function useDatabaseSwitchedReload() {
  const client = useClient()
  const queryClient = useQueryClient()

  useEffect(
    () =>
      client.subscribe('database:switched', () => {
        queryClient.removeQueries({ type: 'inactive' })
        void queryClient.invalidateQueries()
      }),
    [client, queryClient],
  )
}
