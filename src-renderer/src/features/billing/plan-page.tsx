import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import {
  planLabel,
  planUpdateSchema,
  type Plan,
} from '../../../../src-shared/schemas/billing-services'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { DeleteButton } from '../../components/delete-button'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { PlanContracts } from './plan-contracts'
import { PlanForm, type PlanFormValues } from './plan-form'

function PlanDelete({ plan }: { plan: Plan }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const remove = useChannelMutation('plans:delete')
  return (
    <DeleteButton
      title={t('billing.plans.deleteTitle')}
      confirmLabel={t('billing.plans.deleteConfirm')}
      loading={remove.isPending}
      onConfirm={(close) =>
        remove.mutate(
          { id: plan.id },
          {
            onSuccess: () => {
              close()
              notifySuccess(t('billing.plans.deleted', { name: plan.name }))
              navigate('/billing/plans')
            },
            onError: (error) => {
              close()
              notifyFailure(t('billing.plans.deleteTitle'), error)
            },
          },
        )
      }
    >
      <Text size="sm">{t('billing.plans.deleteBody', { name: plan.name })}</Text>
    </DeleteButton>
  )
}

/** One plan: its fields and the accounts that hold it. Its rates are set on each service. */
export function PlanPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const plans = useChannelQuery('plans:list', {})
  const update = useChannelMutation('plans:update')
  const crumbs = [{ label: t('billing.plans.title'), to: '/billing/plans' }]
  if (plans.isError) {
    return (
      <Page title={t('billing.plans.title')} crumbs={crumbs}>
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      </Page>
    )
  }
  if (!plans.data) return <PageLoader />
  const plan = plans.data.find((candidate) => candidate.id === id)
  if (!plan) {
    return (
      <Page title={t('billing.plans.notFound')} crumbs={crumbs}>
        <Text>{t('billing.plans.notFoundBody')}</Text>
      </Page>
    )
  }
  const toRequest = (values: PlanFormValues) => ({ id, version: plan.version, ...values })
  const { name, verboseName, isActive, isDefault, isCombinable, allowMultiple } = plan
  const values = { name, verboseName, isActive, isDefault, isCombinable, allowMultiple }

  return (
    <Page
      title={planLabel(plan)}
      crumbs={crumbs}
      badges={<ActiveBadge active={plan.isActive} />}
      actions={<PlanDelete plan={plan} />}
      ready={!plans.isFetching}
    >
      <Stack gap="lg">
        <PlanForm
          key={plan.version}
          title={t('billing.plans.form.editTitle')}
          initialValues={values}
          schema={planUpdateSchema}
          toRequest={toRequest}
          submitLabel={t('common.save')}
          saving={update.isPending}
          onSubmit={(values, onError) =>
            update.mutate(toRequest(values), {
              onSuccess: (saved) =>
                notifySuccess(t('billing.plans.form.saved', { name: saved.name })),
              onError,
            })
          }
        />
        <PlanContracts plan={plan} />
      </Stack>
    </Page>
  )
}
