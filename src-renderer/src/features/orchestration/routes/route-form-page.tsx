import { useState } from 'react'
import { Button, EmptyState } from '@mantine/core'
import { IconRoute } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { useChannelQuery } from '../../../api/queries'
import { PageLoader } from '../../../components/page-loader'
import { QueryError } from '../../../components/query-error'
import { RouteForm } from './route-form'

export function RouteCreatePage() {
  const [params] = useSearchParams()
  const backends = useChannelQuery('backends:list', {})
  // The backend list drives the default expression; wait for it so the first choice gets it.
  if (backends.isPending) return <PageLoader />
  return <RouteForm serverId={params.get('server')} />
}

/** There is no single-route call: the route comes from the list, which is small. */
export function RouteEditPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('routes:list', {})
  const backends = useChannelQuery('backends:list', {})
  // Bumped by "load the latest version": a fresh form from the route as stored now.
  const [generation, setGeneration] = useState(0)
  const route = query.data?.find((entry) => entry.id === id)

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  if (!query.data || backends.isPending) return <PageLoader />
  if (!route) {
    return (
      <EmptyState
        mt="xl"
        icon={<IconRoute size={32} />}
        withIndicatorBackground
        title={t('routeForm.notFoundTitle')}
        description={t('routeForm.notFoundBody')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/routes">
            {t('routeForm.backToList')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    )
  }

  const handleReload = async () => {
    await query.refetch()
    setGeneration((value) => value + 1)
  }
  return <RouteForm key={`${id}:${generation}`} route={route} onReload={handleReload} />
}
