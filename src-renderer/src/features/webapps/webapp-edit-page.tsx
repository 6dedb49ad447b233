import { Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import type { WebappDetail } from '../../../../src-shared/schemas/webapps'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { WebappAppFields } from './webapp-app-fields'
import {
  optionErrors,
  toUpdateRequest,
  valuesOf,
  type WebappFormValues,
} from './webapp-form-values'
import { WebappOptionsFields } from './webapp-options-fields'

function WebappEditForm({ detail }: { detail: WebappDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const choices = useChannelQuery('webapps:choices', {})
  const update = useChannelMutation('webapps:update')
  const { webapp } = detail
  const back = `/services/webapps/${webapp.id}`
  const form = useForm<WebappFormValues>({
    initialValues: valuesOf(detail),
    validate: optionErrors,
  })
  const submitErrors = useSubmitErrors(form, t('webapps.form.submitEdit'))
  const preview = usePreview('webapps:update', submitErrors.handleError)
  const request = (values: WebappFormValues) => toUpdateRequest(values, webapp.id, webapp.version)

  const handleSubmit = form.onSubmit((typed) => {
    submitErrors.clear()
    update.mutate(request(typed), {
      onSuccess: () => {
        notifySuccess(t('webapps.form.saved', { name: webapp.name }))
        navigate(back)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((typed) => {
    submitErrors.clear()
    preview.run(request(typed))
  }, submitErrors.focusError)

  return (
    <Page
      title={t('webapps.form.editTitle', { name: webapp.name })}
      description={t('webapps.form.editDescription')}
      crumbs={[
        { label: t('webapps.title'), to: '/services/webapps' },
        { label: webapp.name, to: back },
      ]}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('webapps.form.editTitle', { name: webapp.name })}
      >
        <Stack gap="lg" maw={760}>
          {submitErrors.conflict && (
            <ConflictAlert
              title={t('webapps.form.conflictTitle')}
              body={t('webapps.form.conflictBody')}
            />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('webapps.form.sectionApp')}>
            <WebappAppFields form={form} choices={choices.data} fixed />
          </FormSection>
          <FormSection
            title={t('webapps.form.sectionOptions')}
            description={t('webapps.form.optionsHint')}
          >
            <WebappOptionsFields form={form} />
          </FormSection>
          <FormActions
            cancelTo={back}
            submitLabel={t('webapps.form.submitEdit')}
            saving={update.isPending}
            previewing={preview.pending}
            onPreview={() => handlePreview()}
            disabled={readOnly}
          />
        </Stack>
      </form>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: t('webapps.form.submitEdit'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}

export function WebappEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('webapps:get', { id }, { enabled: id > 0 })
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  if (!query.data) return <PageLoader />
  return <WebappEditForm key={query.data.webapp.version} detail={query.data} />
}
