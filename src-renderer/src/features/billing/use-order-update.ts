import { useCallback, useEffect, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { OrderUpdateJob } from '../../../../src-shared/schemas/billing-orders'
import { useApi, useClient } from '../../api/client-context'
import { invalidateData } from '../../api/queries'
import { notifyFailure } from '../../lib/notify'

/**
 * The "update orders" job of one service: started in main, followed by its progress events.
 * Its state is also read once after the start, since a small job may end before the answer.
 */
export function useOrderUpdate(serviceId: number, failureLabel: string) {
  const api = useApi()
  const client = useClient()
  const queryClient = useQueryClient()
  const [job, setJob] = useState<OrderUpdateJob | null>(null)
  const [starting, setStarting] = useState(false)

  useEffect(
    () =>
      client.subscribe('orders:updateProgress', (progress) => {
        if (progress.serviceId !== serviceId) return
        setJob((current) => (current && current.jobId !== progress.jobId ? current : progress))
      }),
    [client, serviceId],
  )

  const finished = job !== null && job.state !== 'running'
  useEffect(() => {
    if (finished) void invalidateData(queryClient)
  }, [finished, queryClient])

  const start = useCallback(async () => {
    setStarting(true)
    try {
      const started = await api['orders:startUpdate']({ serviceId })
      setJob(started)
      const status = await api['orders:updateStatus']({ jobId: started.jobId })
      setJob((current) => (current && current.done > status.done ? current : status))
    } catch (error) {
      notifyFailure(failureLabel, error)
    } finally {
      setStarting(false)
    }
  }, [api, serviceId, failureLabel])

  return { job, starting, start, reset: () => setJob(null) }
}
