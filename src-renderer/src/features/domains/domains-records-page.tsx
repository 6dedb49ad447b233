import { Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { domainUpdateRecordsSchema } from '../../../../src-shared/schemas/domain-bulk'
import type { DomainDetail } from '../../../../src-shared/schemas/domains'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { toUnicodeName } from '../../lib/domain-unicode'
import { notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import { DomainLoadError } from './domain-load-error'
import { detailToForm, stripKeys, type RecordDraft } from './domain-form-values'
import { RecordsEditor } from './records-editor'
import { useBulkRecords } from './use-bulk-records'

interface BulkEntry {
  id: number
  version: number
  name: string
  topName: string | null
  records: RecordDraft[]
}

function toEntries(details: DomainDetail[]): BulkEntry[] {
  return details.map((detail) => ({
    id: detail.domain.id,
    version: detail.domain.version,
    name: detail.domain.name,
    topName: details.find((d) => d.domain.id === detail.domain.topId)?.domain.name ?? null,
    records: detailToForm(detail).records,
  }))
}

const toRequest = (values: { domains: BulkEntry[] }) => ({
  domains: values.domains.map(({ id, version, records }) => ({
    id,
    version,
    records: stripKeys(records),
  })),
})

function BulkRecordsForm({ details }: { details: DomainDetail[] }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const save = useChannelMutation('domains:updateRecords')
  const form = useForm<{ domains: BulkEntry[] }>({
    initialValues: { domains: toEntries(details) },
    validate: (values) => schemaErrors(domainUpdateRecordsSchema, toRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, t('common.save'))
  const preview = usePreview('domains:updateRecords', submitErrors.handleError)

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    save.mutate(domainUpdateRecordsSchema.parse(toRequest(values)), {
      onSuccess: ({ changed }) => {
        notifySuccess(t('domains.records.saved', { count: changed }))
        navigate('/services/domains')
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(domainUpdateRecordsSchema.parse(toRequest(values)))
  }, submitErrors.focusError)

  return (
    <form
      id={submitErrors.formId}
      onSubmit={handleSubmit}
      noValidate
      aria-label={t('domains.records.title')}
    >
      <Stack gap="lg" maw={880}>
        {submitErrors.conflict && (
          <ConflictAlert
            title={t('domainForm.conflictTitle')}
            body={t('domains.records.conflict')}
          />
        )}
        <FormIssuesAlert issues={submitErrors.unplaced} />
        {form.values.domains.map((entry, index) => (
          <FormSection
            key={entry.id}
            title={toUnicodeName(entry.name)}
            description={
              entry.topName
                ? t('domain.zoneOfName', { name: toUnicodeName(entry.topName) })
                : undefined
            }
          >
            <RecordsEditor form={form} records={entry.records} path={`domains.${index}.records`} />
          </FormSection>
        ))}
        <FormActions
          cancelTo="/services/domains"
          submitLabel={t('common.save')}
          saving={save.isPending}
          previewing={preview.pending}
          onPreview={() => handlePreview()}
          disabled={readOnly}
        />
      </Stack>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: t('common.save'), onApply: () => handleSubmit() }}
      />
    </form>
  )
}

/** Bulk "edit records" (spec 1.8): the selection and its subdomains, saved together. */
export function DomainsRecordsPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const ids = (params.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((id) => id > 0)
  const query = useBulkRecords(ids)

  if (query.isError || ids.length === 0)
    return <DomainLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  return (
    <Page
      title={t('domains.records.title')}
      description={t('domains.records.description')}
      crumbs={[{ label: t('domains.title'), to: '/services/domains' }]}
    >
      <BulkRecordsForm key={ids.join(',')} details={query.data} />
    </Page>
  )
}
