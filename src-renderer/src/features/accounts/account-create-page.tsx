import { PageLoader } from '../../components/page-loader'
import { useFormDefaults } from '../../hooks/use-form-defaults'
import { AccountCreateForm } from './account-create-form'

/** Waits for the operator's defaults (type, language, country) so the form starts with them. */
export function AccountCreatePage() {
  const { defaults, loading } = useFormDefaults()
  if (loading) return <PageLoader />
  return <AccountCreateForm defaults={defaults} />
}
