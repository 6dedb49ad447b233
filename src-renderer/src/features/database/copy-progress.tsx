import { Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CopyProgressEvent } from '../../../../src-shared/schemas/database'

/** How far a copy has got: the table at work, and every row copied then checked. */
export function CopyProgress({ progress }: { progress?: CopyProgressEvent }) {
  const { t } = useTranslation()
  if (!progress) return null

  const { phase, table, done, rows, overallDone, overallTotal } = progress
  const percent = overallTotal === 0 ? 100 : Math.round((overallDone / overallTotal) * 100)
  const label = t('database.copy.progressLabel')
  return (
    <Stack gap={6}>
      <Progress
        value={percent}
        size="lg"
        animated={percent < 100}
        aria-label={label}
      />
      <Text size="sm" c="dimmed">
        {t(`database.copy.phase.${phase}`, { table, done, rows })}
        {' · '}
        {t('database.copy.overall', { done: overallDone, total: overallTotal })}
      </Text>
    </Stack>
  )
}
