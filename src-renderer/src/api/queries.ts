import { useCallback } from 'react'
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import type {
  ChannelName,
  ChannelRequest,
  ChannelResponse,
  Channels,
} from '../../../src-shared/contract/channels'
import { AppError } from '../../../src-shared/errors'
import { useApi } from './client-context'

type ReadChannel = {
  [N in ChannelName]: Channels[N]['kind'] extends 'read' ? N : never
}[ChannelName]
type WriteChannel = Exclude<ChannelName, ReadChannel>

type Call<N extends ChannelName> = (request: ChannelRequest<N>) => Promise<ChannelResponse<N>>

/** Every query is keyed by its channel and request, so invalidation can go by channel. */
export function channelKey<N extends ReadChannel>(name: N, request?: ChannelRequest<N>) {
  return request === undefined ? [name] : [name, request]
}

interface ChannelQueryOptions {
  enabled?: boolean
  /** Keep the previous page on screen while the next one loads (lists). */
  keepPrevious?: boolean
}

export function useChannelQuery<N extends ReadChannel>(
  name: N,
  request: ChannelRequest<N>,
  options: ChannelQueryOptions = {},
) {
  const api = useApi()
  const call = api[name] as Call<N>
  return useQuery({
    queryKey: channelKey(name, request),
    queryFn: () => call(request),
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  })
}

/** Refreshes everything the user may be looking at; app:info never changes while running. */
export function invalidateData(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'app:info' })
}

/** What a caller of `mutate` may do once the call is over. */
export interface MutateCallbacks<Res> {
  onSuccess?: (data: Res) => void
  onError?: (error: AppError | Error) => void
  onSettled?: () => void
}

/**
 * A write channel as a mutation. Its `mutate` callbacks run even when the component that
 * called it is gone by then: a deletion's change event reloads the page, which finds the
 * object deleted and unmounts its Delete button while the servers' scripts still run, and
 * TanStack Query drops the callbacks of an unmounted caller, so the notice and the way back
 * to the list would be lost.
 */
export function useChannelMutation<N extends WriteChannel>(name: N) {
  const api = useApi()
  const queryClient = useQueryClient()
  const call = api[name] as Call<N>
  const mutation = useMutation<ChannelResponse<N>, AppError | Error, ChannelRequest<N>>({
    mutationFn: (request) => call(request),
    // Not awaited: the caller's own success step (often leaving the page) should not wait
    // for every visible list to reload first.
    onSuccess: () => {
      void invalidateData(queryClient)
    },
  })
  const { mutateAsync } = mutation
  const mutate = useCallback(
    (request: ChannelRequest<N>, callbacks: MutateCallbacks<ChannelResponse<N>> = {}) => {
      mutateAsync(request).then(
        (data) => {
          callbacks.onSuccess?.(data)
          callbacks.onSettled?.()
        },
        (error: AppError | Error) => {
          callbacks.onError?.(error)
          callbacks.onSettled?.()
        },
      )
    },
    [mutateAsync],
  )
  return { ...mutation, mutate }
}

/** Retries only what may be transient: a refused or invalid request stays refused. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof AppError && error.code !== 'INTERNAL') return false
  return failureCount < 2
}
