import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { planCreateSchema } from '../../../../src-shared/schemas/billing-services'
import { useChannelMutation } from '../../api/queries'
import { Page } from '../../components/page'
import { notifySuccess } from '../../lib/notify'
import { NEW_PLAN, PlanForm, type PlanFormValues } from './plan-form'

const toRequest = (values: PlanFormValues) => values

export function PlanCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useChannelMutation('plans:create')
  const title = t('billing.plans.form.newTitle')

  return (
    <Page title={title} crumbs={[{ label: t('billing.plans.title'), to: '/billing/plans' }]}>
      <PlanForm
        title={title}
        initialValues={NEW_PLAN}
        schema={planCreateSchema}
        toRequest={toRequest}
        submitLabel={t('billing.plans.form.submitCreate')}
        saving={create.isPending}
        cancelTo="/billing/plans"
        onSubmit={(values, onError) =>
          create.mutate(toRequest(values), {
            onSuccess: (plan) => {
              notifySuccess(t('billing.plans.form.created', { name: plan.name }))
              navigate(`/billing/plans/${plan.id}`)
            },
            onError,
          })
        }
      />
    </Page>
  )
}
