import { useSearchParams } from 'react-router-dom'
import { DomainCreateForm } from './domain-create-form'

/** `?account=12` comes from an account's page, so its new domain starts with that account. */
export function DomainCreatePage() {
  const [params] = useSearchParams()
  return <DomainCreateForm accountId={params.get('account')} />
}
