import { useParams } from 'react-router-dom'
import { useChannelQuery } from '../../api/queries'
import { PageLoader } from '../../components/page-loader'
import { AccountEditForm } from './account-edit-form'
import { AccountLoadError } from './account-load-error'

export function AccountEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('accounts:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <AccountLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  // Keyed by id: a different account starts a fresh form rather than reusing this one's state.
  return <AccountEditForm key={id} account={query.data.account} />
}
