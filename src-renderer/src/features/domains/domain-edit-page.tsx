import { useParams } from 'react-router-dom'
import { useChannelQuery } from '../../api/queries'
import { PageLoader } from '../../components/page-loader'
import { DomainEditForm } from './domain-edit-form'
import { DomainLoadError } from './domain-load-error'

export function DomainEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('domains:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <DomainLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  // Keyed by id: a different domain starts a fresh form rather than reusing this one's state.
  return <DomainEditForm key={id} detail={query.data} />
}
