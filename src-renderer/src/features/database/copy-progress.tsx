import { Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CopyProgressEvent } from '../../../../src-shared/schemas/database'

interface CopyProgressProps {
  progress?: CopyProgressEvent
  /** Rows copied, once the copy has answered. */
  finishedRows?: number
}

function percentOf(progress: CopyProgressEvent | undefined): number {
  if (!progress || progress.overallTotal === 0) return 0
  return Math.round((progress.overallDone / progress.overallTotal) * 100)
}

/** How far a copy has got: the table at work, and every row copied then checked. */
export function CopyProgress({ progress, finishedRows }: CopyProgressProps) {
  const { t } = useTranslation()
  // Once the answer is in, the last event would name only the last table checked.
  const finished = finishedRows !== undefined
  const percent = finished ? 100 : percentOf(progress)

  const line = (() => {
    if (finished) return t('database.copy.finished', { rows: finishedRows })
    if (!progress) return t('database.copy.starting')
    const { phase, table, done, rows, overallDone, overallTotal } = progress
    const step = t(`database.copy.phase.${phase}`, { table, done, rows })
    return `${step} · ${t('database.copy.overall', { done: overallDone, total: overallTotal })}`
  })()

  return (
    <Stack gap={6}>
      <Progress
        value={percent}
        size="lg"
        animated={!finished}
        aria-label={t('database.copy.progressLabel')}
      />
      <Text size="sm" c="dimmed">
        {line}
      </Text>
    </Stack>
  )
}
