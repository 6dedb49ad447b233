import { Button, EmptyState } from '@mantine/core'
import { IconDatabaseOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isNotFound } from '../../api/errors'
import type { LoadErrorProps } from '../../components/object-load-error'
import { QueryError } from '../../components/query-error'

/** A database or user page that could not load: gone (with a way back), or an error. */
export function SqlLoadError({ error, onRetry, listPath }: LoadErrorProps & { listPath: string }) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />
  return (
    <EmptyState
      mt="xl"
      icon={<IconDatabaseOff size={32} />}
      withIndicatorBackground
      title={t('sqlDatabases.notFoundTitle')}
      description={t('sqlDatabases.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to={listPath} variant="light">
          {t('sqlDatabases.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
