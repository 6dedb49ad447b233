import { Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { saasCreateSchema } from '../../../../src-shared/schemas/saas'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { requiredInput } from '../../components/required'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { AccountSelect } from '../domains/account-select'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { SaasSignUpFields } from './saas-fields'
import {
  emptyTenant,
  passwordRepeatError,
  toCreateRequest,
  type SaasFormValues,
} from './saas-form-values'
import { SERVICE_OPTIONS, useSiteDomain } from './saas-services'

/** `?account=12` comes from an account's page, so the tenant starts with that account. */
export function SaasCreatePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const create = useChannelMutation('saas:create')
  const form = useForm<SaasFormValues>({
    initialValues: emptyTenant(params.get('account')),
    validate: (values) => ({
      ...schemaErrors(saasCreateSchema, toCreateRequest(values)),
      ...passwordRepeatError(values),
    }),
  })
  const submitErrors = useSubmitErrors(form, t('saas.form.submitCreate'))
  const preview = usePreview('saas:create', submitErrors.handleError)
  const values = form.getValues()
  const siteDomain = useSiteDomain(values.service, values.name)

  const handleSubmit = form.onSubmit((typed) => {
    submitErrors.clear()
    create.mutate(toCreateRequest(typed), {
      onSuccess: (created) => {
        notifySuccess(t('saas.form.created', { name: created.tenant.name }))
        navigate(`/services/saas/${created.tenant.id}`)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((typed) => {
    submitErrors.clear()
    preview.run(toCreateRequest(typed))
  }, submitErrors.focusError)

  return (
    <Page title={t('saas.form.createTitle')} description={t('saas.form.createDescription')}>
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('saas.form.createTitle')}
      >
        <Stack gap="lg" maw={720}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('saas.form.sectionTenant')}>
            <AccountSelect
              label={t('saas.form.account')}
              placeholder={t('saas.form.accountSearch')}
              {...requiredInput}
              {...form.getInputProps('accountId')}
            />
            <Select
              label={t('saas.form.service')}
              data={SERVICE_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('service')}
            />
            <TextInput
              label={t('saas.form.name')}
              description={
                siteDomain
                  ? t('saas.form.siteHint', { domain: siteDomain })
                  : t('saas.form.nameHint')
              }
              autoComplete="off"
              spellCheck={false}
              {...requiredInput}
              {...form.getInputProps('name')}
            />
          </FormSection>
          <SaasSignUpFields form={form} />
          <FormActions
            cancelTo="/services/saas"
            submitLabel={t('saas.form.submitCreate')}
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
        apply={{ label: t('saas.form.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
