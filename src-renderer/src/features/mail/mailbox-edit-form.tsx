import { Button, Group, PasswordInput, Stack, Switch } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import {
  mailboxUpdateSchema,
  type Mailbox,
  type MailFiltering,
} from '../../../../src-shared/schemas/mail'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { FilteringFields } from './filtering-fields'

interface EditValues {
  password: string
  filtering: string
  customFiltering: string
  isActive: boolean
}

const toRequest = (mailbox: Mailbox, values: EditValues) => ({
  id: mailbox.id,
  version: mailbox.version,
  // Blank keeps the current password: the field is write-only and never filled in.
  ...(values.password && { password: values.password }),
  filtering: values.filtering as MailFiltering,
  customFiltering: values.customFiltering,
  isActive: values.isActive,
})

/** Password (write-only), filtering and the active flag of a mailbox; its name is fixed. */
export function MailboxEditForm({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const update = useChannelMutation('mailboxes:update')
  const form = useForm<EditValues>({
    initialValues: {
      password: '',
      filtering: mailbox.filtering,
      customFiltering: mailbox.customFiltering,
      isActive: mailbox.isActive,
    },
    validate: (values) => schemaErrors(mailboxUpdateSchema, toRequest(mailbox, values)),
  })
  const submitErrors = useSubmitErrors(form, t('common.save'))

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    update.mutate(toRequest(mailbox, values), {
      onSuccess: () => {
        form.setFieldValue('password', '')
        notifySuccess(t('mail.mailboxForm.saved', { name: mailbox.name }))
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  return (
    <form
      id={submitErrors.formId}
      onSubmit={handleSubmit}
      noValidate
      aria-label={t('mail.mailboxForm.editTitle')}
    >
      <Stack gap="lg" maw={720}>
        {submitErrors.conflict && (
          <ConflictAlert title={t('mail.conflict.title')} body={t('mail.conflict.body')} />
        )}
        <FormIssuesAlert issues={submitErrors.unplaced} />
        <FormSection title={t('mail.mailboxForm.editTitle')}>
          <PasswordInput
            label={t('mail.mailboxForm.newPassword')}
            description={
              mailbox.hasPassword
                ? t('mail.mailboxForm.newPasswordHint')
                : t('mail.mailboxForm.noPassword')
            }
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Switch
            label={t('mail.mailboxForm.active')}
            {...form.getInputProps('isActive', { type: 'checkbox' })}
          />
          <FilteringFields form={form} />
        </FormSection>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={readOnly}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
