import { useState } from 'react'
import { Button, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { domainUpdateSchema, type DomainDetail } from '../../../../src-shared/schemas/domains'
import { useApi } from '../../api/client-context'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { toUnicodeName } from '../../lib/domain-unicode'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import {
  detailToForm,
  SOA_FIELDS,
  toUpdateRequest,
  type DomainEditValues,
} from './domain-form-values'
import { RecordsEditor } from './records-editor'

type Form = UseFormReturnType<DomainEditValues>

function SoaFields({ form }: { form: Form }) {
  const { t } = useTranslation()
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('domainForm.soaHint')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {SOA_FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`domainForm.${field}`)}
            placeholder={t('domainForm.ttlPlaceholder')}
            {...form.getInputProps(field)}
          />
        ))}
      </SimpleGrid>
    </>
  )
}

export function DomainEditForm({ detail }: { detail: DomainDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const api = useApi()
  const navigate = useNavigate()
  const { domain } = detail
  const name = toUnicodeName(domain.name)
  // The version this edit is based on; the core refuses the save if someone saved since.
  const [version, setVersion] = useState(domain.version)
  const update = useChannelMutation('domains:update')
  const identity = { id: domain.id, version }
  const form = useForm<DomainEditValues>({
    initialValues: detailToForm(detail),
    validate: (values) => schemaErrors(domainUpdateSchema, toUpdateRequest(values, identity)),
  })
  const submitErrors = useSubmitErrors(form, t('common.save'))
  const preview = usePreview('domains:update', submitErrors.handleError)
  const domainPath = `/services/domains/${domain.id}`

  const handleLoadLatest = async () => {
    try {
      const latest = await api['domains:get']({ id: domain.id })
      form.setValues(detailToForm(latest))
      setVersion(latest.domain.version)
      submitErrors.clear()
    } catch (error) {
      notifyFailure(t('domainForm.loadLatest'), error)
    }
  }

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    update.mutate(domainUpdateSchema.parse(toUpdateRequest(values, identity)), {
      onSuccess: () => {
        notifySuccess(t('domainForm.saved', { name }))
        navigate(domainPath)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(domainUpdateSchema.parse(toUpdateRequest(values, identity)))
  }, submitErrors.focusError)

  return (
    <Page
      title={t('domainForm.editTitle', { name })}
      crumbs={[
        { label: t('domains.title'), to: '/services/domains' },
        { label: name, to: domainPath },
      ]}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('domainForm.editTitle', { name })}
      >
        <Stack gap="lg" maw={880}>
          {submitErrors.conflict && (
            <ConflictAlert
              title={t('domainForm.conflictTitle')}
              body={t('domainForm.conflictBody')}
              action={
                <Button size="xs" variant="white" color="orange" onClick={handleLoadLatest}>
                  {t('domainForm.loadLatest')}
                </Button>
              }
            />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('domainForm.sectionNames')}>
            <TextInput
              label={t('domainForm.names')}
              description={t('domainForm.nameReadOnly')}
              value={name}
              readOnly
              rightSection={<IconLock size={16} />}
              variant="filled"
            />
          </FormSection>
          <FormSection title={t('domainForm.sectionRecords')}>
            <RecordsEditor form={form} records={form.values.records} />
          </FormSection>
          <FormSection title={t('domainForm.sectionSoa')}>
            <SoaFields form={form} />
          </FormSection>
          <FormActions
            cancelTo={domainPath}
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
