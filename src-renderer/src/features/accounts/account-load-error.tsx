import { Button, EmptyState } from '@mantine/core'
import { IconUserQuestion } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isNotFound } from '../../api/errors'
import { QueryError } from '../../components/query-error'

interface AccountLoadErrorProps {
  error: unknown
  onRetry: () => unknown
}

/** A missing account is an expected state (deleted, mistyped link); other failures are not. */
export function AccountLoadError({ error, onRetry }: AccountLoadErrorProps) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />

  return (
    <EmptyState
      mt="xl"
      icon={<IconUserQuestion size={32} />}
      withIndicatorBackground
      title={t('account.notFoundTitle')}
      description={t('account.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/accounts">
          {t('account.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
