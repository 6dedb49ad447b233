import { Stack } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import {
  systemUserUpdateSchema,
  type SystemUserDetail,
  type SystemUserUpdateInput,
} from '../../../../src-shared/schemas/system-users'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { SystemUserFields } from './system-user-fields'
import { detailToValues, toUpdateRequest, type SystemUserValues } from './system-user-values'
import { useDirectoryCheck } from './use-directory-check'
import { useSystemUserSettings } from './use-system-user-settings'

export function SystemUserEditForm({ detail }: { detail: SystemUserDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const settings = useSystemUserSettings()
  const { user } = detail
  const update = useChannelMutation('systemUsers:update')
  const form: UseFormReturnType<SystemUserValues> = useForm<SystemUserValues>({
    mode: 'controlled',
    initialValues: detailToValues(detail),
    validate: (values) => schemaErrors(systemUserUpdateSchema, request(values)),
  })
  const hasShell: boolean = !settings.disabledShells.includes(form.getValues().shell)
  const request = (values: SystemUserValues): SystemUserUpdateInput =>
    toUpdateRequest(values, detail, hasShell)
  const submitErrors = useSubmitErrors(form, t('systemUsers.form.submitEdit'))
  const preview = usePreview('systemUsers:update', submitErrors.handleError)
  const back = `/services/system-users/${user.id}`

  const directoryCheck = useDirectoryCheck()

  const handleSubmit = form.onSubmit(async (values) => {
    submitErrors.clear()
    const body = request(values)
    const missing = await directoryCheck.missing(body.home, body.directory)
    if (missing) {
      form.setFieldError('directory', missing)
      return submitErrors.focusError()
    }
    update.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('systemUsers.form.saved', { name: user.username }))
        navigate(back)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(request(values))
  }, submitErrors.focusError)

  return (
    <Page
      title={t('systemUsers.form.editTitle', { name: user.username })}
      crumbs={[
        { label: t('systemUsers.title'), to: '/services/system-users' },
        { label: user.username, to: back },
      ]}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('systemUsers.form.editTitle', { name: user.username })}
      >
        <Stack gap="lg" maw={720}>
          {submitErrors.conflict && (
            <ConflictAlert
              title={t('systemUsers.form.conflictTitle')}
              body={t('systemUsers.form.conflictBody')}
            />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('systemUsers.form.sectionAccess')}>
            <SystemUserFields
              form={form}
              role={user.role}
              userId={user.id}
              shells={settings.shells}
              hasShell={hasShell}
              baseHome={detail.baseHome}
              mainHome={detail.mainHome}
              isNew={false}
            />
          </FormSection>
          <FormActions
            cancelTo={back}
            submitLabel={t('systemUsers.form.submitEdit')}
            saving={update.isPending || directoryCheck.pending}
            previewing={preview.pending}
            onPreview={() => handlePreview()}
            disabled={readOnly}
          />
        </Stack>
      </form>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: t('systemUsers.form.submitEdit'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
