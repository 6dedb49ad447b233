import { Badge, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { LogState } from '../../../../../src-shared/schemas/orchestration'
import { LOG_STATE_COLORS } from './log-states'
import badge from './badge.module.css'

/** A log's state, coloured; an aborted log is grey with a red outline, as it stopped halfway. */
export function LogStateBadge({ state, size = 'md' }: { state: LogState; size?: string }) {
  const { t } = useTranslation()
  const aborted = state === 'ABORTED'

  return (
    <Badge
      className={badge.whole}
      size={size}
      color={LOG_STATE_COLORS[state]}
      variant={aborted ? 'outline' : 'light'}
      style={aborted ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
      leftSection={state === 'STARTED' ? <Loader size={10} color="blue" /> : undefined}
      data-state={state}
    >
      {t(`logStates.${state}`)}
    </Badge>
  )
}
