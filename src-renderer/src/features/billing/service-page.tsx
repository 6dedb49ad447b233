import { Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router-dom'
import { serviceUpdateSchema, type Service } from '../../../../src-shared/schemas/billing-services'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { notifySuccess } from '../../lib/notify'
import { useBillingSettings, type BillingSettings } from './billing-settings'
import { RateTable } from './rate-table'
import { ServiceActions } from './service-actions'
import { ServiceForm } from './service-form'
import { serviceRequest, serviceValues, type ServiceFormValues } from './service-form-values'
import { fieldLabel } from './service-options'
import { UpdateOrders } from './update-orders'

function ServiceEditForm({ service, settings }: { service: Service; settings: BillingSettings }) {
  const { t } = useTranslation()
  const update = useChannelMutation('billingServices:update')
  const toRequest = (values: ServiceFormValues) => ({
    id: service.id,
    version: service.version,
    ...serviceRequest(values),
  })
  return (
    <ServiceForm
      // A save bumps the version: start again from what was stored.
      key={service.version}
      title={t('billing.services.form.editTitle')}
      initialValues={serviceValues(service)}
      settings={settings}
      schema={serviceUpdateSchema}
      toRequest={toRequest}
      submitLabel={t('common.save')}
      saving={update.isPending}
      onSubmit={(values, onError) =>
        update.mutate(toRequest(values), {
          onSuccess: (saved) =>
            notifySuccess(t('billing.services.form.saved', { name: saved.description })),
          onError,
        })
      }
    />
  )
}

const TABS = ['definition', 'rates', 'orders'] as const

/** One service: its definition, its rate table and "Update orders". */
export function ServicePage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const query = useChannelQuery('billingServices:get', { id })
  const { settings, loading } = useBillingSettings()
  const crumbs = [{ label: t('billing.services.title'), to: '/billing/services' }]
  if (query.isError) {
    return (
      <Page title={t('billing.services.title')} crumbs={crumbs}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    )
  }
  if (!query.data || loading) return <PageLoader />
  const service = query.data
  const tab = TABS.find((name) => name === params.get('tab')) ?? 'definition'

  return (
    <Page
      title={service.description}
      description={`${t(`billing.models.${service.contentType}`)} · ${fieldLabel(
        t,
        'billingPeriod',
        service.billingPeriod,
      )} · ${service.nominalPrice}`}
      crumbs={crumbs}
      badges={<ActiveBadge active={service.isActive} />}
      actions={<ServiceActions service={service} />}
      ready={!query.isFetching}
    >
      <Tabs value={tab} onChange={(next) => setParams({ tab: next ?? 'definition' })}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`billing.services.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="definition" pt="lg">
          <ServiceEditForm service={service} settings={settings} />
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="lg">
          {tab === 'rates' && <RateTable service={service} />}
        </Tabs.Panel>
        <Tabs.Panel value="orders" pt="lg">
          {tab === 'orders' && <UpdateOrders service={service} />}
        </Tabs.Panel>
      </Tabs>
    </Page>
  )
}
