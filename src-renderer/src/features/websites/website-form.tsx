import { MultiSelect, Select, Stack, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import {
  WEBSITE_PROTOCOLS,
  websiteCreateSchema,
  websiteUpdateSchema,
  type WebsiteDetail,
} from '../../../../src-shared/schemas/websites'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { requiredInput } from '../../components/required'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { toUnicodeName } from '../../lib/domain-unicode'
import { notifySuccess } from '../../lib/notify'
import { AccountSelect } from '../domains/account-select'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import { usePreview } from '../orchestration/preview/use-preview'
import {
  detailToValues,
  emptyWebsite,
  toCreateRequest,
  toUpdateRequest,
  type WebsiteValues,
} from './website-form-values'
import { ContentsEditor, DirectivesEditor } from './website-parts-editor'

/** The account's domains and web apps, as the form's choices. */
function useAccountChoices(accountId: number) {
  const enabled = accountId > 0
  const domains = useChannelQuery('domains:list', { accountId, pageSize: 200 }, { enabled })
  const webapps = useChannelQuery('webapps:list', { accountId, pageSize: 200 }, { enabled })
  return {
    domains: (domains.data?.rows ?? []).map((row) => ({
      value: String(row.id),
      label: toUnicodeName(row.name),
    })),
    webapps: (webapps.data?.rows ?? []).map((row) => ({
      value: String(row.id),
      label: `${row.name} (${row.type})`,
    })),
  }
}

function useWebsiteForm(detail: WebsiteDetail | undefined, accountId: string | null) {
  const request = (values: WebsiteValues) =>
    detail ? toUpdateRequest(values, detail) : toCreateRequest(values)
  const form = useForm<WebsiteValues>({
    mode: 'controlled',
    initialValues: detail ? detailToValues(detail) : emptyWebsite(accountId),
    validate: (values) =>
      detail
        ? schemaErrors(websiteUpdateSchema, request(values))
        : schemaErrors(websiteCreateSchema, request(values)),
  })
  return { form, request }
}

/** A new website, or an edit of one; the name and account are fixed once it exists. */
export function WebsiteForm({
  detail,
  accountId = null,
}: {
  detail?: WebsiteDetail
  accountId?: string | null
}) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const { form, request } = useWebsiteForm(detail, accountId)
  const values = form.values
  const choices = useAccountChoices(Number(values.accountId) || 0)
  const create = useChannelMutation('websites:create')
  const update = useChannelMutation('websites:update')
  const submitLabel = t(detail ? 'websites.form.submitEdit' : 'websites.form.submitCreate')
  const submitErrors = useSubmitErrors(form, submitLabel)
  const preview = usePreview(
    detail ? 'websites:update' : 'websites:create',
    submitErrors.handleError,
  )
  const title = detail
    ? t('websites.form.editTitle', { name: detail.website.name })
    : t('websites.form.createTitle')

  const onSaved = (saved: WebsiteDetail) => {
    const key = detail ? 'websites.form.saved' : 'websites.form.created'
    notifySuccess(t(key, { name: saved.website.name }))
    navigate(`/services/websites/${saved.website.id}`)
  }
  const handleSubmit = form.onSubmit((submitted) => {
    submitErrors.clear()
    const options = { onSuccess: onSaved, onError: submitErrors.handleError }
    if (detail) update.mutate(toUpdateRequest(submitted, detail), options)
    else create.mutate(toCreateRequest(submitted), options)
  }, submitErrors.focusError)
  const handlePreview = form.onSubmit((submitted) => {
    submitErrors.clear()
    preview.run(request(submitted) as never)
  }, submitErrors.focusError)

  const protocols = WEBSITE_PROTOCOLS.map((value) => ({
    value,
    label: t(`websites.protocols.${value}`),
  }))
  const cancelTo = detail ? `/services/websites/${detail.website.id}` : '/services/websites'

  return (
    <Page
      title={title}
      description={detail ? undefined : t('websites.form.createHint')}
      crumbs={[{ label: t('websites.title'), to: '/services/websites' }]}
    >
      <form id={submitErrors.formId} onSubmit={handleSubmit} noValidate aria-label={title}>
        <Stack gap="lg" maw={820}>
          {submitErrors.conflict && (
            <ConflictAlert title={t('websites.form.conflict')} body={t('websites.form.conflict')} />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          {!detail && (
            <FormSection title={t('websites.form.sectionIdentity')}>
              <AccountSelect
                label={t('websites.form.account')}
                placeholder={t('websites.form.accountSearch')}
                {...requiredInput}
                {...form.getInputProps('accountId')}
              />
              <TextInput
                label={t('websites.form.name')}
                description={t('websites.form.nameHint')}
                autoComplete="off"
                spellCheck={false}
                {...requiredInput}
                {...form.getInputProps('name')}
              />
            </FormSection>
          )}
          <FormSection title={t('websites.form.sectionDomains')}>
            <Select
              label={t('websites.form.protocol')}
              description={t('websites.form.protocolHint')}
              data={protocols}
              placeholder={t('websites.form.protocolDefault')}
              {...form.getInputProps('protocol')}
            />
            <MultiSelect
              label={t('websites.form.domains')}
              description={t('websites.form.domainsHint')}
              placeholder={values.accountId ? undefined : t('websites.form.domainsPick')}
              data={choices.domains}
              searchable
              {...form.getInputProps('domainIds')}
            />
            <Switch
              label={t('websites.form.active')}
              {...form.getInputProps('isActive', { type: 'checkbox' })}
            />
          </FormSection>
          <FormSection
            title={t('websites.form.sectionContents')}
            description={t('websites.form.contentsHint')}
          >
            <ContentsEditor form={form} webapps={choices.webapps} />
          </FormSection>
          <FormSection
            title={t('websites.form.sectionDirectives')}
            description={t('websites.form.directivesHint')}
          >
            <DirectivesEditor form={form} />
          </FormSection>
          <FormActions
            cancelTo={cancelTo}
            submitLabel={submitLabel}
            saving={create.isPending || update.isPending}
            previewing={preview.pending}
            onPreview={() => handlePreview()}
            disabled={readOnly}
          />
        </Stack>
      </form>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: submitLabel, onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
