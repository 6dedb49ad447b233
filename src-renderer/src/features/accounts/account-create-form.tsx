import { Checkbox, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { accountCreateSchema } from '../../../../src-shared/schemas/accounts'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { requiredInput } from '../../components/required'
import type { FormDefaults } from '../../hooks/use-form-defaults'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { AccountFields } from './account-fields'
import { ContactsEditor } from './contacts-editor'
import { emptyAccount, toCreateRequest, type AccountCreateValues } from './account-form-values'
import { useReadOnly } from '../../hooks/use-read-only'

export function AccountCreateForm({ defaults }: { defaults: FormDefaults }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const create = useChannelMutation('accounts:create')
  const form = useForm<AccountCreateValues>({
    initialValues: emptyAccount(defaults),
    validate: (values) => schemaErrors(accountCreateSchema, toCreateRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, t('accountForm.submitCreate'))
  const preview = usePreview('accounts:create', submitErrors.handleError)

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    create.mutate(accountCreateSchema.parse(toCreateRequest(values)), {
      onSuccess: ({ account }) => {
        notifySuccess(t('accountForm.created', { username: account.username }))
        navigate(`/accounts/${account.id}`)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(accountCreateSchema.parse(toCreateRequest(values)))
  }, submitErrors.focusError)

  return (
    <Page title={t('accountForm.createTitle')} description={t('accountForm.createDescription')}>
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('accountForm.createTitle')}
      >
        <Stack gap="lg" maw={880}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('accountForm.sectionUser')}>
            <TextInput
              label={t('accountForm.username')}
              description={t('accountForm.usernameHint')}
              autoComplete="off"
              autoFocus
              {...requiredInput}
              {...form.getInputProps('username')}
            />
            <Checkbox
              label={t('accountForm.enableSystemUser')}
              description={t('accountForm.enableSystemUserHint')}
              {...form.getInputProps('enableSystemUser', { type: 'checkbox' })}
            />
          </FormSection>
          <FormSection title={t('accountForm.sectionPersonal')}>
            <AccountFields
              values={form.values}
              errors={form.errors}
              onChange={(field, value) => form.setFieldValue(field, value as never)}
            />
          </FormSection>
          <FormSection title={t('accountForm.sectionContacts')}>
            <ContactsEditor form={form} defaultCountry={defaults.country} />
          </FormSection>
          <FormActions
            cancelTo="/accounts"
            submitLabel={t('accountForm.submitCreate')}
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
        apply={{ label: t('accountForm.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
