import { Button, Tooltip } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { LogDetail } from '../../../../../src-shared/schemas/orchestration'
import { useChannelMutation } from '../../../api/queries'
import { notifyFailure } from '../../../lib/notify'
import { isRunning } from '../common/log-states'
import { useReadOnly } from '../../../hooks/use-read-only'

/** Runs the same operations again as a new log, and goes to it. */
export function RetryLogButton({ log }: { log: LogDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const retry = useChannelMutation('logs:retry')
  const running = isRunning(log.state)
  const why = readOnly
    ? t('readOnly.refused')
    : running
      ? t('log.retryRunning')
      : !log.retryable
        ? t('log.retryNot')
        : null

  const handleRetry = () =>
    retry.mutate(
      { id: log.id },
      {
        onSuccess: (summary) => {
          const next = summary.logs[0]
          if (next) navigate(`/logs/${next.id}`)
        },
        onError: (error) => notifyFailure(t('log.retry'), error),
      },
    )

  const button = (
    <Button
      leftSection={<IconRefresh size={16} />}
      onClick={handleRetry}
      loading={retry.isPending}
      disabled={why !== null}
    >
      {t('log.retry')}
    </Button>
  )
  // A disabled button gets no pointer events; the wrapper carries the tooltip.
  return why ? (
    <Tooltip label={why}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  )
}
