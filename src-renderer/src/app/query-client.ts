import { QueryClient } from '@tanstack/react-query'
import { shouldRetry } from '../api/queries'

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Changes arrive as pushed events, so data stays fresh without polling.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  })
}
