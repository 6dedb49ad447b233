import { Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import { saasUpdateSchema, type SaasTenant } from '../../../../src-shared/schemas/saas'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { SaasLoadError } from './saas-load-error'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { SaasSignUpFields } from './saas-fields'
import {
  passwordRepeatError,
  tenantValues,
  toUpdateRequest,
  type SaasFormValues,
} from './saas-form-values'

function SaasEditForm({ tenant }: { tenant: SaasTenant }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const update = useChannelMutation('saas:update')
  const form = useForm<SaasFormValues>({
    initialValues: tenantValues(tenant),
    validate: (values) => ({
      ...schemaErrors(saasUpdateSchema, toUpdateRequest(tenant, values)),
      ...passwordRepeatError(values),
    }),
  })
  const submitErrors = useSubmitErrors(form, t('saas.form.submitEdit'))
  const preview = usePreview('saas:update', submitErrors.handleError)
  const path = `/services/saas/${tenant.id}`

  const handleSubmit = form.onSubmit((typed) => {
    submitErrors.clear()
    update.mutate(toUpdateRequest(tenant, typed), {
      onSuccess: (saved) => {
        notifySuccess(t('saas.form.saved', { name: saved.tenant.name }))
        navigate(path)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((typed) => {
    submitErrors.clear()
    preview.run(toUpdateRequest(tenant, typed))
  }, submitErrors.focusError)

  return (
    <form
      id={submitErrors.formId}
      onSubmit={handleSubmit}
      noValidate
      aria-label={t('saas.form.editTitle', { name: tenant.name })}
    >
      <Stack gap="lg" maw={720}>
        {submitErrors.conflict && (
          <ConflictAlert title={t('saas.form.conflictTitle')} body={t('saas.form.conflictBody')} />
        )}
        <FormIssuesAlert issues={submitErrors.unplaced} />
        <SaasSignUpFields form={form} editing />
        <FormActions
          cancelTo={path}
          submitLabel={t('saas.form.submitEdit')}
          saving={update.isPending}
          previewing={preview.pending}
          onPreview={() => handlePreview()}
          disabled={readOnly}
        />
      </Stack>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: t('saas.form.submitEdit'), onApply: () => handleSubmit() }}
      />
    </form>
  )
}

export function SaasEditPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('saas:get', { id }, { enabled: id > 0 })
  if (query.isError || !(id > 0)) {
    return <SaasLoadError error={query.error} onRetry={query.refetch} />
  }
  if (!query.data) return <PageLoader />
  const { tenant } = query.data

  return (
    <Page
      title={t('saas.form.editTitle', { name: tenant.name })}
      description={t('saas.form.editDescription')}
      crumbs={[
        { label: t('saas.title'), to: '/services/saas' },
        { label: tenant.name, to: `/services/saas/${tenant.id}` },
      ]}
    >
      <SaasEditForm key={tenant.version} tenant={tenant} />
    </Page>
  )
}
