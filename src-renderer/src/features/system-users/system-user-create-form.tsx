import { Stack, TextInput } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { baseHome } from '../../../../src-shared/schemas/system-user-settings'
import {
  systemUserCreateSchema,
  type SystemUserCreateInput,
} from '../../../../src-shared/schemas/system-users'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
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
import { SystemUserFields } from './system-user-fields'
import { emptySystemUser, toCreateRequest, type SystemUserValues } from './system-user-values'
import { useDirectoryCheck } from './use-directory-check'
import { useSystemUserSettings } from './use-system-user-settings'

/** A new extra user of an account; its main and CGI users came with the account. */
export function SystemUserCreateForm({ accountId }: { accountId: string | null }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const settings = useSystemUserSettings()
  const create = useChannelMutation('systemUsers:create')
  const form: UseFormReturnType<SystemUserValues> = useForm<SystemUserValues>({
    mode: 'controlled',
    initialValues: emptySystemUser(accountId, settings.defaultShell),
    validate: (values) => schemaErrors(systemUserCreateSchema, request(values)),
  })
  const values: SystemUserValues = form.getValues()
  const account = useChannelQuery(
    'accounts:get',
    { id: Number(values.accountId) || 0 },
    { enabled: Number(values.accountId) > 0 },
  )
  const template = settings.homeTemplate
  const mainHome: string = account.data ? baseHome(template, account.data.account.username) : ''
  const hasShell: boolean = !settings.disabledShells.includes(values.shell)
  const request = (v: SystemUserValues): SystemUserCreateInput =>
    toCreateRequest(v, mainHome, hasShell)
  const submitErrors = useSubmitErrors(form, t('systemUsers.form.submitCreate'))
  const preview = usePreview('systemUsers:create', submitErrors.handleError)

  const directoryCheck = useDirectoryCheck()

  const handleSubmit = form.onSubmit(async (submitted) => {
    submitErrors.clear()
    const body = request(submitted)
    const missing = await directoryCheck.missing(body.home, body.directory)
    if (missing) {
      form.setFieldError('directory', missing)
      return submitErrors.focusError()
    }
    create.mutate(body, {
      onSuccess: (detail) => {
        notifySuccess(t('systemUsers.form.created', { name: detail.user.username }))
        navigate(`/services/system-users/${detail.user.id}`)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((submitted) => {
    submitErrors.clear()
    preview.run(request(submitted))
  }, submitErrors.focusError)

  return (
    <Page title={t('systemUsers.form.createTitle')} description={t('systemUsers.form.createHint')}>
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('systemUsers.form.createTitle')}
      >
        <Stack gap="lg" maw={720}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('systemUsers.form.sectionIdentity')}>
            <AccountSelect
              label={t('systemUsers.form.account')}
              placeholder={t('systemUsers.form.accountSearch')}
              {...requiredInput}
              {...form.getInputProps('accountId')}
            />
            <TextInput
              label={t('systemUsers.form.username')}
              description={t('systemUsers.form.usernameHint')}
              autoComplete="off"
              spellCheck={false}
              {...requiredInput}
              {...form.getInputProps('username')}
            />
          </FormSection>
          <FormSection title={t('systemUsers.form.sectionAccess')}>
            <SystemUserFields
              form={form}
              role="extra"
              shells={settings.shells}
              hasShell={hasShell}
              baseHome={baseHome(template, values.username || '…')}
              mainHome={mainHome || '…'}
              isNew
            />
          </FormSection>
          <FormActions
            cancelTo="/services/system-users"
            submitLabel={t('systemUsers.form.submitCreate')}
            saving={create.isPending || directoryCheck.pending}
            previewing={preview.pending}
            onPreview={() => handlePreview()}
            disabled={readOnly}
          />
        </Stack>
      </form>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: t('systemUsers.form.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
