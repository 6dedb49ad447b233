import { Button, Group, Paper, Stack, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { sqlUserUpdateSchema, type SqlUser } from '../../../../src-shared/schemas/sql-databases'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { passwordRepeatError } from './database-form-values'
import { NewUserFields } from './new-user-fields'

/** A new password, typed twice; the old one is never shown, as it is not kept. */
export function UserPasswordForm({ user }: { user: SqlUser }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const update = useChannelMutation('sqlUsers:update')
  const form = useForm({
    initialValues: { password: '', passwordRepeat: '' },
    validate: (values) => ({
      ...schemaErrors(sqlUserUpdateSchema, { id: user.id, version: user.version, ...values }),
      ...passwordRepeatError(values.password, values.passwordRepeat),
    }),
  })
  const submitErrors = useSubmitErrors(form, t('sqlDatabase.setPassword'))

  const handleSubmit = form.onSubmit(({ password }) => {
    submitErrors.clear()
    update.mutate(
      { id: user.id, version: user.version, password },
      {
        onSuccess: () => {
          form.reset()
          notifySuccess(t('sqlDatabase.passwordSet', { name: user.username }))
        },
        onError: submitErrors.handleError,
      },
    )
  }, submitErrors.focusError)

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('sqlDatabase.setPassword')}>
      <form id={submitErrors.formId} onSubmit={handleSubmit} noValidate>
        <Stack gap="md" maw={420}>
          <Title order={4}>{t('sqlDatabase.setPassword')}</Title>
          {submitErrors.conflict && (
            <ConflictAlert
              title={t('sqlDatabase.conflictTitle')}
              body={t('sqlDatabase.conflictBody')}
            />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <NewUserFields form={form} prefix="" withUsername={false} />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={readOnly}>
              {t('sqlDatabase.setPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
