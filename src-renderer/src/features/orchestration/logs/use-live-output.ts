import { useSyncExternalStore } from 'react'
import { useClient } from '../../../api/client-context'
import { liveOutputStore, type LiveOutput } from './live-output-store'

/** The output chunks of one log pushed since the app started listening, per stream. */
export function useLiveOutput(logId: number): LiveOutput {
  const store = liveOutputStore(useClient())
  return useSyncExternalStore(store.subscribe, () => store.get(logId))
}
