import { PasswordInput, Stack, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { mailboxCreateSchema, type MailFiltering } from '../../../../src-shared/schemas/mail'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { requiredInput } from '../../components/required'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { AccountSelect } from '../domains/account-select'
import { FilteringFields } from './filtering-fields'

interface MailboxValues {
  accountId: string | null
  name: string
  password: string
  filtering: string
  customFiltering: string
  isActive: boolean
}

const toRequest = (values: MailboxValues) => ({
  accountId: Number(values.accountId) || 0,
  name: values.name,
  password: values.password,
  filtering: values.filtering as MailFiltering,
  customFiltering: values.customFiltering,
  isActive: values.isActive,
})

export function MailboxCreatePage() {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const create = useChannelMutation('mailboxes:create')
  const form = useForm<MailboxValues>({
    initialValues: {
      accountId: params.get('account'),
      name: '',
      password: '',
      filtering: 'REDIRECT',
      customFiltering: '',
      isActive: true,
    },
    validate: (values) => schemaErrors(mailboxCreateSchema, toRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, t('mail.mailboxForm.submitCreate'))
  const preview = usePreview('mailboxes:create', submitErrors.handleError)

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    create.mutate(toRequest(values), {
      onSuccess: ({ mailbox }) => {
        notifySuccess(t('mail.mailboxForm.created', { name: mailbox.name }))
        navigate(`/services/mailboxes/${mailbox.id}`)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)
  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(toRequest(values))
  }, submitErrors.focusError)

  return (
    <Page
      title={t('mail.mailboxForm.createTitle')}
      crumbs={[{ label: t('mail.mailboxes.title'), to: '/services/mailboxes' }]}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('mail.mailboxForm.createTitle')}
      >
        <Stack gap="lg" maw={720}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('mail.mailboxForm.sectionLogin')}>
            <AccountSelect
              label={t('mail.mailboxForm.account')}
              placeholder={t('mail.mailboxForm.accountSearch')}
              {...requiredInput}
              {...form.getInputProps('accountId')}
            />
            <TextInput
              label={t('mail.mailboxForm.name')}
              description={t('mail.mailboxForm.nameHint')}
              autoComplete="off"
              spellCheck={false}
              {...requiredInput}
              {...form.getInputProps('name')}
            />
            <PasswordInput
              label={t('mail.mailboxForm.password')}
              description={t('mail.mailboxForm.passwordHint')}
              autoComplete="new-password"
              {...requiredInput}
              {...form.getInputProps('password')}
            />
            <Switch
              label={t('mail.mailboxForm.active')}
              {...form.getInputProps('isActive', { type: 'checkbox' })}
            />
          </FormSection>
          <FormSection title={t('mail.mailboxForm.sectionFiltering')}>
            <FilteringFields form={form} />
          </FormSection>
          <FormActions
            cancelTo="/services/mailboxes"
            submitLabel={t('mail.mailboxForm.submitCreate')}
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
        apply={{ label: t('mail.mailboxForm.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
