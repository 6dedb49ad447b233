import { Button, EmptyState } from '@mantine/core'
import { IconFileUnknown } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isNotFound } from '../../../api/errors'
import { QueryError } from '../../../components/query-error'

interface LogLoadErrorProps {
  error: unknown
  onRetry: () => unknown
}

export function LogLoadError({ error, onRetry }: LogLoadErrorProps) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />

  return (
    <EmptyState
      mt="xl"
      icon={<IconFileUnknown size={32} />}
      withIndicatorBackground
      title={t('log.notFoundTitle')}
      description={t('log.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/logs">
          {t('log.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
