import { Button, EmptyState } from '@mantine/core'
import { IconAddressBook } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isNotFound } from '../../api/errors'
import { QueryError } from '../../components/query-error'

interface ContactLoadErrorProps {
  error: unknown
  onRetry: () => unknown
}

export function ContactLoadError({ error, onRetry }: ContactLoadErrorProps) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />

  return (
    <EmptyState
      mt="xl"
      icon={<IconAddressBook size={32} />}
      withIndicatorBackground
      title={t('contact.notFoundTitle')}
      description={t('contact.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/contacts">
          {t('contact.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
