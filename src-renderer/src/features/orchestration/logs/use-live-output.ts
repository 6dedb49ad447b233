import { useEffect, useState } from 'react'
import { useClient } from '../../../api/client-context'

export interface LiveOutput {
  stdout: string
  stderr: string
}

const EMPTY: LiveOutput = { stdout: '', stderr: '' }

/**
 * The output chunks of one log pushed while this page is open, per stream. The caller is keyed
 * by log id, so another log starts from nothing.
 */
export function useLiveOutput(logId: number): LiveOutput {
  const client = useClient()
  const [output, setOutput] = useState<LiveOutput>(EMPTY)

  useEffect(() => {
    return client.subscribe('orchestration:output', (chunk) => {
      if (chunk.logId !== logId) return
      setOutput((previous) => ({
        ...previous,
        [chunk.stream]: previous[chunk.stream] + chunk.text,
      }))
    })
  }, [client, logId])

  return output
}
