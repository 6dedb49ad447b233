import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import {
  serviceCreateSchema,
  type ServiceCreateInput,
} from '../../../../src-shared/schemas/billing-services'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { notifySuccess } from '../../lib/notify'
import { useBillingSettings } from './billing-settings'
import { ServiceForm } from './service-form'
import { newServiceValues, serviceRequest, serviceValues } from './service-form-values'

/** A new service, blank or, with `?clone=<id>`, prefilled with every field of another. */
export function ServiceCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const cloneOf = Number(params.get('clone')) || 0
  const { settings, loading } = useBillingSettings()
  const clone = useChannelQuery('billingServices:clone', { id: cloneOf }, { enabled: cloneOf > 0 })
  const create = useChannelMutation('billingServices:create')
  const title = t(cloneOf ? 'billing.services.form.cloneTitle' : 'billing.services.form.newTitle')
  const crumbs = [{ label: t('billing.services.title'), to: '/billing/services' }]
  if (clone.isError) {
    return (
      <Page title={title} crumbs={crumbs}>
        <QueryError error={clone.error} onRetry={() => void clone.refetch()} />
      </Page>
    )
  }
  if (loading || (cloneOf > 0 && !clone.data)) return <PageLoader />

  return (
    <Page title={title} crumbs={crumbs}>
      <ServiceForm
        key={cloneOf}
        title={title}
        initialValues={
          clone.data ? serviceValues(clone.data as ServiceCreateInput) : newServiceValues(settings)
        }
        settings={settings}
        schema={serviceCreateSchema}
        toRequest={serviceRequest}
        submitLabel={t('billing.services.form.submitCreate')}
        saving={create.isPending}
        cancelTo="/billing/services"
        onSubmit={(values, onError) =>
          create.mutate(serviceRequest(values), {
            onSuccess: (service) => {
              notifySuccess(t('billing.services.form.created', { name: service.description }))
              navigate(`/billing/services/${service.id}`)
            },
            onError,
          })
        }
      />
    </Page>
  )
}
