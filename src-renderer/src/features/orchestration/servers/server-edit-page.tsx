import { useParams } from 'react-router-dom'
import { useChannelQuery } from '../../../api/queries'
import { PageLoader } from '../../../components/page-loader'
import { ServerForm } from './server-form'
import { ServerLoadError } from './server-load-error'

export function ServerCreatePage() {
  return <ServerForm />
}

export function ServerEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('servers:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <ServerLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  // Keyed by id: another server starts a fresh form rather than reusing this one's state.
  return <ServerForm key={id} server={query.data} />
}
