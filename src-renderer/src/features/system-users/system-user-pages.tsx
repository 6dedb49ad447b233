import { useParams, useSearchParams } from 'react-router-dom'
import { useChannelQuery } from '../../api/queries'
import { IconUserQuestion } from '@tabler/icons-react'
import { ObjectLoadError, type LoadErrorProps } from '../../components/object-load-error'
import { PageLoader } from '../../components/page-loader'
import { SystemUserCreateForm } from './system-user-create-form'
import { SystemUserEditForm } from './system-user-edit-form'

/** `?account=12` comes from an account's page, so the new user starts in that account. */
export function SystemUserCreatePage() {
  const [params] = useSearchParams()
  return <SystemUserCreateForm accountId={params.get('account')} />
}

export function SystemUserEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('systemUsers:get', { id }, { enabled: id > 0 })
  if (query.isError || !(id > 0))
    return <SystemUserLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  // Keyed by id: another user starts a fresh form rather than reusing this one's state.
  return <SystemUserEditForm key={id} detail={query.data} />
}

export function SystemUserLoadError(props: LoadErrorProps) {
  return (
    <ObjectLoadError
      {...props}
      icon={IconUserQuestion}
      section="systemUsers"
      listPath="/services/system-users"
    />
  )
}
