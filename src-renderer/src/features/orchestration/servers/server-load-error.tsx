import { Button, EmptyState } from '@mantine/core'
import { IconServerOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isNotFound } from '../../../api/errors'
import { QueryError } from '../../../components/query-error'

interface ServerLoadErrorProps {
  error: unknown
  onRetry: () => unknown
}

/** A deleted server is an expected state; other failures are not. */
export function ServerLoadError({ error, onRetry }: ServerLoadErrorProps) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />

  return (
    <EmptyState
      mt="xl"
      icon={<IconServerOff size={32} />}
      withIndicatorBackground
      title={t('server.notFoundTitle')}
      description={t('server.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/servers">
          {t('server.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
