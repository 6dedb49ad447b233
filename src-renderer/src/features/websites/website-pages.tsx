import { Button, EmptyState } from '@mantine/core'
import { IconWorldQuestion } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { isNotFound } from '../../api/errors'
import { useChannelQuery } from '../../api/queries'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { WebsiteForm } from './website-form'

/** `?account=12` comes from an account's page, so the new site starts in that account. */
export function WebsiteCreatePage() {
  const [params] = useSearchParams()
  return <WebsiteForm accountId={params.get('account')} />
}

export function WebsiteEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('websites:get', { id }, { enabled: id > 0 })
  if (query.isError || !(id > 0))
    return <WebsiteLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  // Keyed by id and version: a fresh form after someone else's save is loaded.
  return <WebsiteForm key={`${id}:${query.data.website.version}`} detail={query.data} />
}

/** A missing website is an expected state, with a way back; other failures are errors. */
export function WebsiteLoadError({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />
  return (
    <EmptyState
      mt="xl"
      icon={<IconWorldQuestion size={32} />}
      withIndicatorBackground
      title={t('websites.notFoundTitle')}
      description={t('websites.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/services/websites">
          {t('websites.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
