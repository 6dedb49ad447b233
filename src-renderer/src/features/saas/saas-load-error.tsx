import { Button, EmptyState } from '@mantine/core'
import { IconCloudOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isNotFound } from '../../api/errors'
import type { LoadErrorProps } from '../../components/object-load-error'
import { QueryError } from '../../components/query-error'

/** A tenant's page that could not load: gone (with a way back to the list), or an error. */
export function SaasLoadError({ error, onRetry }: LoadErrorProps) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />
  return (
    <EmptyState
      mt="xl"
      icon={<IconCloudOff size={32} />}
      withIndicatorBackground
      title={t('saas.notFoundTitle')}
      description={t('saas.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/services/saas" variant="light">
          {t('saas.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
