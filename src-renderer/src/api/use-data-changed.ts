import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useClient } from './client-context'
import { invalidateData } from './queries'

// A bulk action pushes one event per object; refresh once for the whole burst.
const BURST_MS = 150

/** Refreshes cached data when main reports a change made anywhere (another window, the CLI). */
export function useDataChangedRefresh() {
  const client = useClient()
  const queryClient = useQueryClient()

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = client.subscribe('data:changed', () => {
      clearTimeout(timer)
      timer = setTimeout(() => void invalidateData(queryClient), BURST_MS)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [client, queryClient])
}
