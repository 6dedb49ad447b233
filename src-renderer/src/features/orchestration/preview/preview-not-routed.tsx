import { Alert, Anchor, Stack, Text } from '@mantine/core'
import { IconRouteOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { NotRouted } from '../../../../../src-shared/schemas/orchestration'
import { useBackendLabel } from '../common/use-options'
import { objectDisplayName } from '../../../lib/service-objects'

/** Changes no route takes: they would be saved, and reach no server. */
export function PreviewNotRouted({ entries }: { entries: NotRouted[] }) {
  const { t } = useTranslation()
  const backendLabel = useBackendLabel()
  if (entries.length === 0) return null

  return (
    <Alert color="yellow" icon={<IconRouteOff size={18} />} title={t('preview.notRoutedTitle')}>
      <Stack gap={2}>
        {entries.map((entry) => (
          <Text key={`${entry.backend}:${entry.objectType}:${entry.objectId}`} size="sm">
            {t('preview.notRouted', {
              backend: backendLabel(entry.backend),
              action: entry.action,
              object: objectDisplayName(entry.objectType, entry.objectRepr),
            })}
          </Text>
        ))}
        <Anchor component={Link} to="/routes" size="sm">
          {t('runs.addRoute')}
        </Anchor>
      </Stack>
    </Alert>
  )
}
