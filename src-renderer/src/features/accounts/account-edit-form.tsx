import { useState } from 'react'
import { Button, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { accountUpdateSchema, type Account } from '../../../../src-shared/schemas/accounts'
import { useApi } from '../../api/client-context'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { AccountFields } from './account-fields'
import { accountToForm, type AccountFieldValues } from './account-form-values'
import { useReadOnly } from '../../hooks/use-read-only'

export function AccountEditForm({ account }: { account: Account }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const api = useApi()
  const navigate = useNavigate()
  // The version this edit is based on; the core refuses the save if someone saved since.
  const [version, setVersion] = useState(account.version)
  const update = useChannelMutation('accounts:update')
  const identity = { id: account.id, version }
  const form = useForm<AccountFieldValues>({
    initialValues: accountToForm(account),
    validate: (values) => schemaErrors(accountUpdateSchema, { ...values, ...identity }),
  })
  const submitErrors = useSubmitErrors(form, t('common.save'))
  const preview = usePreview('accounts:update', submitErrors.handleError)
  const accountPath = `/accounts/${account.id}`

  const handleLoadLatest = async () => {
    try {
      const latest = await api['accounts:get']({ id: account.id })
      form.setValues(accountToForm(latest.account))
      setVersion(latest.account.version)
      submitErrors.clear()
    } catch (error) {
      notifyFailure(t('accountForm.loadLatest'), error)
    }
  }

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    update.mutate(accountUpdateSchema.parse({ ...values, ...identity }), {
      onSuccess: () => {
        notifySuccess(t('accountForm.saved', { username: account.username }))
        navigate(accountPath)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(accountUpdateSchema.parse({ ...values, ...identity }))
  }, submitErrors.focusError)

  return (
    <Page title={t('accountForm.editTitle', { username: account.username })}>
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('accountForm.editTitle', { username: account.username })}
      >
        <Stack gap="lg" maw={880}>
          {submitErrors.conflict && (
            <ConflictAlert
              title={t('accountForm.conflictTitle')}
              body={t('accountForm.conflictBody')}
              action={
                <Button size="xs" variant="white" color="orange" onClick={handleLoadLatest}>
                  {t('accountForm.loadLatest')}
                </Button>
              }
            />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('accountForm.sectionUser')}>
            <TextInput
              label={t('accountForm.username')}
              description={t('accountForm.usernameReadOnly')}
              value={account.username}
              readOnly
              rightSection={<IconLock size={16} />}
              variant="filled"
            />
          </FormSection>
          <FormSection title={t('accountForm.sectionPersonal')}>
            <AccountFields
              values={form.values}
              errors={form.errors}
              onChange={(field, value) => form.setFieldValue(field, value as never)}
            />
          </FormSection>
          <FormActions
            cancelTo={accountPath}
            submitLabel={t('common.save')}
            saving={update.isPending}
            previewing={preview.pending}
            onPreview={() => handlePreview()}
            disabled={readOnly}
          />
        </Stack>
      </form>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: t('common.save'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
