import { Radio, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { sqlDatabaseCreateSchema } from '../../../../src-shared/schemas/sql-databases'
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
import {
  emptyDatabase,
  passwordRepeatError,
  toDatabaseRequest,
  type DatabaseCreateValues,
} from './database-form-values'
import { NewUserFields } from './new-user-fields'
import { TYPE_OPTIONS } from './sql-toolbar'
import { UserSelect } from './user-select'

/** `?account=12` comes from an account's page, so the database starts with that account. */
export function DatabaseCreatePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const create = useChannelMutation('sqlDatabases:create')
  const form = useForm<DatabaseCreateValues>({
    initialValues: emptyDatabase(params.get('account')),
    validate: (values) => ({
      ...schemaErrors(sqlDatabaseCreateSchema, toDatabaseRequest(values)),
      ...(values.mode === 'new' &&
        passwordRepeatError(values.newUser.password, values.passwordRepeat)),
    }),
  })
  const submitErrors = useSubmitErrors(form, t('sqlDatabaseForm.submitCreate'))
  const preview = usePreview('sqlDatabases:create', submitErrors.handleError)
  const values = form.getValues()

  const handleSubmit = form.onSubmit((typed) => {
    submitErrors.clear()
    create.mutate(toDatabaseRequest(typed), {
      onSuccess: (created) => {
        notifySuccess(t('sqlDatabaseForm.created', { name: created.database.name }))
        navigate(`/services/databases/${created.database.id}`)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((typed) => {
    submitErrors.clear()
    preview.run(toDatabaseRequest(typed))
  }, submitErrors.focusError)

  return (
    <Page
      title={t('sqlDatabaseForm.createTitle')}
      description={t('sqlDatabaseForm.createDescription')}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('sqlDatabaseForm.createTitle')}
      >
        <Stack gap="lg" maw={720}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('sqlDatabaseForm.sectionDatabase')}>
            <AccountSelect
              label={t('sqlDatabaseForm.account')}
              placeholder={t('sqlDatabaseForm.accountSearch')}
              {...requiredInput}
              {...form.getInputProps('accountId')}
            />
            <Select
              label={t('sqlDatabaseForm.type')}
              data={TYPE_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <TextInput
              label={t('sqlDatabaseForm.name')}
              description={t('sqlDatabaseForm.nameHint')}
              autoComplete="off"
              spellCheck={false}
              {...requiredInput}
              {...form.getInputProps('name')}
            />
          </FormSection>
          <FormSection title={t('sqlDatabaseForm.sectionUser')}>
            <Radio.Group label={t('sqlDatabaseForm.userMode')} {...form.getInputProps('mode')}>
              <Stack gap="xs" mt="xs">
                <Radio value="new" label={t('sqlDatabaseForm.newUserMode')} />
                <Radio value="existing" label={t('sqlDatabaseForm.existingUser')} />
              </Stack>
            </Radio.Group>
            {values.mode === 'existing' ? (
              <UserSelect
                accountId={Number(values.accountId) || 0}
                type={values.type}
                label={t('sqlDatabaseForm.user')}
                placeholder={t('sqlDatabaseForm.userPlaceholder')}
                {...requiredInput}
                {...form.getInputProps('userId')}
              />
            ) : (
              <NewUserFields form={form} prefix="newUser." />
            )}
          </FormSection>
          <FormActions
            cancelTo="/services/databases"
            submitLabel={t('sqlDatabaseForm.submitCreate')}
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
        apply={{ label: t('sqlDatabaseForm.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
