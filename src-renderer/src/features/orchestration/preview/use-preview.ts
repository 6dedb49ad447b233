import { useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import type {
  ChannelName,
  ChannelRequest,
  ChannelResponse,
  Channels,
} from '../../../../../src-shared/contract/channels'
import { useApi } from '../../../api/client-context'

/** A call that changes data: the only kind the core previews. */
export type PreviewChannel = {
  [N in ChannelName]: Channels[N]['kind'] extends 'write' ? N : never
}[ChannelName]

export type PreviewResult = ChannelResponse<'orchestration:preview'>

/**
 * Asks the core which scripts a change would send, without making it. The answer stays until
 * the user closes it; a refusal goes to `onError`, as a save's would.
 */
export function usePreview<N extends PreviewChannel>(
  channel: N,
  onError: (error: unknown) => void,
) {
  const api = useApi()
  const [result, setResult] = useState<PreviewResult | null>(null)
  const mutation = useMutation({
    mutationFn: (request: ChannelRequest<N>) => api['orchestration:preview']({ channel, request }),
    onSuccess: setResult,
    onError,
  })

  return {
    run: mutation.mutate,
    pending: mutation.isPending,
    result,
    close: () => setResult(null),
  }
}
