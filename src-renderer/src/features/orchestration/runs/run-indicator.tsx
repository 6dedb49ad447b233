import { useEffect, useEffectEvent, useState } from 'react'
import { Popover } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { EventPayload } from '../../../../../src-shared/contract/channels'
import type { RunSummary } from '../../../../../src-shared/schemas/orchestration'
import { useClient } from '../../../api/client-context'
import { channelKey } from '../../../api/queries'
import { isFailed } from '../common/log-states'
import { liveOutputStore } from '../logs/live-output-store'
import { useBackendLabel } from '../common/use-options'
import { RunButton } from './run-button'
import { RunPanel } from './run-panel'
import { runStatus } from './run-status'
import { addRun, allSettledWell, setLogState } from './runs-state'
import { useFailureNotice } from './use-failure-notice'

/** How long the list stays open by itself once every log in it went well. */
const SETTLED_MS = 10_000

/**
 * Follows what main sends to servers, from any page. The header shows the state of the latest
 * runs; a run with logs opens their list below it, which closes once all went well. It sits
 * in the header so that it never covers a form's buttons. Each failed log also gets a red
 * notification, and log lists and pages are read again as states change.
 */
export function RunIndicator() {
  const client = useClient()
  const queryClient = useQueryClient()
  const [runs, setRuns] = useState<RunSummary[]>([])
  const [opened, setOpened] = useState(false)
  const backendLabel = useBackendLabel()
  const notifyFailed = useFailureNotice()

  const handleRun = useEffectEvent((run: RunSummary) => {
    setRuns((previous) => addRun(previous, run))
    // What no route took is shown by the header alone: it is news, not work under way.
    if (run.logs.length > 0) setOpened(true)
    void queryClient.invalidateQueries({ queryKey: channelKey('logs:list') })
  })

  const handleLog = useEffectEvent((event: EventPayload<'orchestration:log'>) => {
    setRuns((previous) => setLogState(previous, event.id, event.state))
    void queryClient.invalidateQueries({ queryKey: channelKey('logs:list') })
    void queryClient.invalidateQueries({ queryKey: channelKey('logs:get', { id: event.id }) })
    if (isFailed(event.state)) notifyFailed({ ...event, backend: backendLabel(event.backend) })
  })

  useEffect(() => {
    // Output is recorded from the start, for a log page opened while its script runs.
    liveOutputStore(client)
    const stopRuns = client.subscribe('orchestration:run', handleRun)
    const stopLogs = client.subscribe('orchestration:log', handleLog)
    return () => {
      stopRuns()
      stopLogs()
    }
  }, [client])

  const settled = opened && allSettledWell(runs)
  useEffect(() => {
    if (!settled) return
    const timer = setTimeout(() => setOpened(false), SETTLED_MS)
    return () => clearTimeout(timer)
  }, [settled, runs])

  if (runs.length === 0) return null
  const { status, count } = runStatus(runs)
  return (
    <Popover
      opened={opened}
      onDismiss={() => setOpened(false)}
      position="bottom-start"
      width={320}
      shadow="lg"
      withArrow
    >
      <Popover.Target>
        <RunButton status={status} count={count} onClick={() => setOpened((open) => !open)} />
      </Popover.Target>
      <Popover.Dropdown>
        <RunPanel runs={runs} onNavigate={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  )
}
