import { Button, Group, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import {
  mailingListUpdateSchema,
  type MailingListRow,
} from '../../../../src-shared/schemas/mailing-lists'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { PreviewButton } from '../orchestration/preview/preview-button'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import {
  AddressFields,
  listFieldRequest,
  OwnerFields,
  type ListFieldValues,
} from './address-fields'

const toRequest = (list: MailingListRow, values: ListFieldValues) => ({
  id: list.id,
  version: list.version,
  ...listFieldRequest(values),
})

/** Custom address, owner and active flag; the name is the list in Mailman and is fixed. */
export function ListEditForm({ list }: { list: MailingListRow }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const update = useChannelMutation('mailingLists:update')
  const form = useForm<ListFieldValues>({
    initialValues: {
      addressName: list.addressName,
      addressDomainId: list.addressDomainId === null ? null : String(list.addressDomainId),
      adminEmail: list.adminEmail,
      isActive: list.isActive,
    },
    validate: (values) => schemaErrors(mailingListUpdateSchema, toRequest(list, values)),
  })
  const submitErrors = useSubmitErrors(form, t('common.save'))
  const preview = usePreview('mailingLists:update', submitErrors.handleError)

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    update.mutate(toRequest(list, values), {
      onSuccess: () => notifySuccess(t('mailingLists.form.saved', { name: list.name })),
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)
  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(toRequest(list, values))
  }, submitErrors.focusError)

  return (
    <>
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('mailingLists.form.editTitle')}
      >
        <Stack gap="lg" maw={720}>
          {submitErrors.conflict && (
            <ConflictAlert
              title={t('mailingLists.conflict.title')}
              body={t('mailingLists.conflict.body')}
            />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('mailingLists.form.editTitle')}>
            <OwnerFields form={form} />
            <AddressFields form={form} accountId={list.accountId} />
          </FormSection>
          <Group justify="flex-end" gap="sm">
            <PreviewButton
              onClick={() => handlePreview()}
              loading={preview.pending}
              disabled={readOnly}
            />
            <Button type="submit" loading={update.isPending} disabled={readOnly}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: t('common.save'), onApply: () => handleSubmit() }}
      />
    </>
  )
}
