import { Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { webappCreateSchema } from '../../../../src-shared/schemas/webapps'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { WebappAppFields } from './webapp-app-fields'
import {
  emptyWebapp,
  optionErrors,
  runtimeChoices,
  toCreateRequest,
  type WebappFormValues,
} from './webapp-form-values'
import { WebappOptionsFields } from './webapp-options-fields'

/** `?account=12` comes from an account's page, so the app starts with that account. */
export function WebappCreatePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const choices = useChannelQuery('webapps:choices', {})
  const create = useChannelMutation('webapps:create')
  const form = useForm<WebappFormValues>({
    initialValues: emptyWebapp(params.get('account')),
    validate: (values) => ({
      ...schemaErrors(webappCreateSchema, toCreateRequest(values)),
      ...optionErrors(values),
    }),
  })
  const submitErrors = useSubmitErrors(form, t('webapps.form.submitCreate'))
  const preview = usePreview('webapps:create', submitErrors.handleError)

  // The default version arrives with the choices.
  const loaded = choices.data
  useEffect(() => {
    if (loaded && !form.getValues().runtime) {
      form.setFieldValue('runtime', runtimeChoices(form.getValues().type, loaded).fallback)
    }
  }, [loaded, form])

  const handleSubmit = form.onSubmit((typed) => {
    submitErrors.clear()
    create.mutate(toCreateRequest(typed), {
      onSuccess: (created) => {
        notifySuccess(t('webapps.form.created', { name: created.webapp.name }))
        navigate(`/services/webapps/${created.webapp.id}`)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((typed) => {
    submitErrors.clear()
    preview.run(toCreateRequest(typed))
  }, submitErrors.focusError)

  return (
    <Page
      title={t('webapps.form.createTitle')}
      description={t('webapps.form.createDescription')}
      crumbs={[{ label: t('webapps.title'), to: '/services/webapps' }]}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('webapps.form.createTitle')}
      >
        <Stack gap="lg" maw={760}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('webapps.form.sectionApp')}>
            <WebappAppFields form={form} choices={choices.data} fixed={false} />
          </FormSection>
          <FormSection
            title={t('webapps.form.sectionOptions')}
            description={t('webapps.form.optionsHint')}
          >
            <WebappOptionsFields form={form} />
          </FormSection>
          <FormActions
            cancelTo="/services/webapps"
            submitLabel={t('webapps.form.submitCreate')}
            saving={create.isPending}
            previewing={preview.pending}
            onPreview={() => handlePreview()}
            disabled={readOnly}
          />
        </Stack>
      </form>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: t('webapps.form.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
