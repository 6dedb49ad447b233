import { Button, EmptyState } from '@mantine/core'
import { IconMapQuestion } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'

export function NotFoundPage() {
  const { t } = useTranslation()

  return (
    <EmptyState
      mt="xl"
      icon={<IconMapQuestion size={32} />}
      withIndicatorBackground
      title={t('errors.notFoundTitle')}
      description={t('errors.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t('errors.home')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
