import { Group, Select, Stack, TextInput, type SelectProps } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { mailAddressCreateSchema } from '../../../../src-shared/schemas/mail'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
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
  AddressTargetFields,
  targetRequest,
  type AddressTargetValues,
} from './address-target-fields'
import { toUnicodeEmail } from './unicode-email'

interface AddressValues extends AddressTargetValues {
  accountId: string | null
  name: string
  domainId: string | null
}

const toRequest = (values: AddressValues) => ({
  name: values.name,
  domainId: Number(values.domainId) || 0,
  ...targetRequest(values),
})

/** The account's domains, named in Unicode; the address belongs to its domain's account. */
function DomainSelect(props: Omit<SelectProps, 'data'> & { accountId: number }) {
  const { accountId, ...input } = props
  const { t } = useTranslation()
  const domains = useChannelQuery(
    'domains:list',
    { accountId, pageSize: 200 },
    { enabled: accountId > 0 },
  )
  const data = (domains.data?.rows ?? []).map((row) => ({
    value: String(row.id),
    label: toUnicodeName(row.name),
  }))
  return (
    <Select
      label={t('mail.addressForm.domain')}
      placeholder={accountId ? undefined : t('mail.addressForm.domainFirst')}
      data={data}
      searchable
      {...requiredInput}
      {...input}
    />
  )
}

export function AddressCreatePage() {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const create = useChannelMutation('mailAddresses:create')
  const form = useForm<AddressValues>({
    initialValues: {
      accountId: params.get('account'),
      name: '',
      domainId: null,
      mailboxIds: [],
      forward: '',
      autoresponseEnabled: false,
      autoresponseSubject: '',
      autoresponseMessage: '',
    },
    validate: (values) => schemaErrors(mailAddressCreateSchema, toRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, t('mail.addressForm.submitCreate'))
  const preview = usePreview('mailAddresses:create', submitErrors.handleError)
  const accountId = Number(form.getValues().accountId) || 0

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    create.mutate(toRequest(values), {
      onSuccess: (address) => {
        notifySuccess(t('mail.addressForm.created', { email: toUnicodeEmail(address.email) }))
        navigate(`/services/mail-addresses/${address.id}`)
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
      title={t('mail.addressForm.createTitle')}
      crumbs={[{ label: t('mail.addresses.title'), to: '/services/mail-addresses' }]}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('mail.addressForm.createTitle')}
      >
        <Stack gap="lg" maw={720}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('mail.addressForm.sectionAddress')}>
            <AccountSelect
              label={t('mail.addressForm.account')}
              placeholder={t('mail.addressForm.accountSearch')}
              {...requiredInput}
              {...form.getInputProps('accountId')}
              onChange={(value) => {
                form.setFieldValue('accountId', value)
                form.setFieldValue('domainId', null)
                form.setFieldValue('mailboxIds', [])
              }}
            />
            <Group grow align="flex-start">
              <TextInput
                label={t('mail.addressForm.name')}
                description={t('mail.addressForm.nameHint')}
                autoComplete="off"
                spellCheck={false}
                {...form.getInputProps('name')}
              />
              <DomainSelect accountId={accountId} {...form.getInputProps('domainId')} />
            </Group>
          </FormSection>
          <FormSection title={t('mail.addressForm.sectionTargets')}>
            <AddressTargetFields form={form} accountId={accountId} />
          </FormSection>
          <FormActions
            cancelTo="/services/mail-addresses"
            submitLabel={t('mail.addressForm.submitCreate')}
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
        apply={{ label: t('mail.addressForm.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
