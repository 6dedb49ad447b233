import { Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { domainCreateSchema } from '../../../../src-shared/schemas/domains'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { requiredInput } from '../../components/required'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { toUnicodeName } from '../../lib/domain-unicode'
import { notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { AccountSelect } from './account-select'
import { emptyDomain, toCreateRequest, type DomainCreateValues } from './domain-form-values'
import { RecordsEditor } from './records-editor'

export function DomainCreateForm({ accountId }: { accountId: string | null }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const create = useChannelMutation('domains:create')
  const form = useForm<DomainCreateValues>({
    initialValues: emptyDomain(accountId),
    validate: (values) => schemaErrors(domainCreateSchema, toCreateRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, t('domainForm.submitCreate'))
  const preview = usePreview('domains:create', submitErrors.handleError)

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    // The request goes as typed: the core splits the names and normalises the values itself.
    create.mutate(toCreateRequest(values), {
      onSuccess: (created) => {
        const first = created[0]!.domain
        const name = toUnicodeName(first.name)
        notifySuccess(t('domainForm.created', { count: created.length, name }))
        navigate(created.length === 1 ? `/services/domains/${first.id}` : '/services/domains')
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(toCreateRequest(values))
  }, submitErrors.focusError)

  return (
    <Page title={t('domainForm.createTitle')} description={t('domainForm.createDescription')}>
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('domainForm.createTitle')}
      >
        <Stack gap="lg" maw={880}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('domainForm.sectionNames')}>
            <AccountSelect
              label={t('domainForm.account')}
              description={t('domainForm.accountHint')}
              placeholder={t('domainForm.accountSearch')}
              {...form.getInputProps('accountId')}
            />
            <Textarea
              label={t('domainForm.names')}
              description={t('domainForm.namesHint')}
              autosize
              minRows={2}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              {...requiredInput}
              {...form.getInputProps('name')}
            />
          </FormSection>
          <FormSection title={t('domainForm.sectionRecords')}>
            <RecordsEditor form={form} records={form.values.records} />
          </FormSection>
          <FormActions
            cancelTo="/services/domains"
            submitLabel={t('domainForm.submitCreate')}
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
        apply={{ label: t('domainForm.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
