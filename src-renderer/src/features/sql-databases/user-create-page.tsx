import { Select, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import {
  sqlUserCreateSchema,
  type SqlType,
  type SqlUserCreateInput,
} from '../../../../src-shared/schemas/sql-databases'
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
import { passwordRepeatError } from './database-form-values'
import { NewUserFields } from './new-user-fields'
import { TYPE_OPTIONS } from './sql-toolbar'

interface UserCreateValues {
  accountId: string | null
  type: SqlType
  username: string
  password: string
  passwordRepeat: string
}

const toRequest = ({
  accountId,
  type,
  username,
  password,
}: UserCreateValues): SqlUserCreateInput => ({
  accountId: Number(accountId) || 0,
  type,
  username,
  password,
})

export function UserCreatePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const create = useChannelMutation('sqlUsers:create')
  const form = useForm<UserCreateValues>({
    initialValues: {
      accountId: params.get('account'),
      type: 'mysql',
      username: '',
      password: '',
      passwordRepeat: '',
    },
    validate: (values) => ({
      ...schemaErrors(sqlUserCreateSchema, toRequest(values)),
      ...passwordRepeatError(values.password, values.passwordRepeat),
    }),
  })
  const submitErrors = useSubmitErrors(form, t('sqlDatabaseForm.submitUserCreate'))
  const preview = usePreview('sqlUsers:create', submitErrors.handleError)

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    create.mutate(toRequest(values), {
      onSuccess: (created) => {
        notifySuccess(t('sqlDatabaseForm.userCreated', { name: created.user.username }))
        navigate(`/services/databases/users/${created.user.id}`)
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
      title={t('sqlDatabaseForm.userCreateTitle')}
      description={t('sqlDatabaseForm.userCreateDescription')}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('sqlDatabaseForm.userCreateTitle')}
      >
        <Stack gap="lg" maw={720}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('sqlDatabaseForm.sectionUser')}>
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
            <NewUserFields form={form} prefix="" />
          </FormSection>
          <FormActions
            cancelTo="/services/databases/users"
            submitLabel={t('sqlDatabaseForm.submitUserCreate')}
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
        apply={{ label: t('sqlDatabaseForm.submitUserCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
