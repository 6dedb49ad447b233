import { Alert } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useReadOnly } from '../hooks/use-read-only'

/** Says once, above every page, why the buttons that change data are disabled. */
export function ReadOnlyBanner() {
  const { t } = useTranslation()
  if (!useReadOnly()) return null

  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconLock size={18} />}
      title={t('readOnly.title')}
      maw={1240}
      mx="auto"
      mb="lg"
    >
      {t('readOnly.explanation')}
    </Alert>
  )
}
