import { Badge, Tooltip } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useReadOnly } from '../hooks/use-read-only'

/** Beside the database badge: this database is opened for audit, nothing can change. */
export function ReadOnlyBadge() {
  const { t } = useTranslation()
  if (!useReadOnly()) return null

  return (
    <Tooltip label={t('readOnly.explanation')} multiline maw={360}>
      <Badge
        variant="filled"
        color="orange"
        leftSection={<IconLock size={12} />}
        tt="none"
        style={{ flexShrink: 0 }}
      >
        {t('readOnly.badge')}
      </Badge>
    </Tooltip>
  )
}
