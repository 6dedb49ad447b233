import { Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { mailingListCreateSchema } from '../../../../src-shared/schemas/mailing-lists'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
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
import {
  AddressFields,
  listFieldRequest,
  OwnerFields,
  type ListFieldValues,
} from './address-fields'

interface CreateValues extends ListFieldValues {
  accountId: string | null
  name: string
}

const toRequest = (values: CreateValues) => ({
  accountId: Number(values.accountId) || 0,
  name: values.name,
  ...listFieldRequest(values),
})

export function ListCreatePage() {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const create = useChannelMutation('mailingLists:create')
  const form = useForm<CreateValues>({
    initialValues: {
      accountId: params.get('account'),
      name: '',
      addressName: '',
      addressDomainId: null,
      adminEmail: '',
      isActive: true,
    },
    validate: (values) => schemaErrors(mailingListCreateSchema, toRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, t('mailingLists.form.submitCreate'))
  const preview = usePreview('mailingLists:create', submitErrors.handleError)
  const accountId = Number(form.values.accountId) || 0

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    create.mutate(toRequest(values), {
      onSuccess: (list) => {
        notifySuccess(t('mailingLists.form.created', { name: list.name }))
        navigate(`/services/mailing-lists/${list.id}`)
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
      title={t('mailingLists.form.createTitle')}
      crumbs={[{ label: t('mailingLists.title'), to: '/services/mailing-lists' }]}
    >
      <form
        id={submitErrors.formId}
        onSubmit={handleSubmit}
        noValidate
        aria-label={t('mailingLists.form.createTitle')}
      >
        <Stack gap="lg" maw={720}>
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <FormSection title={t('mailingLists.form.sectionList')}>
            <AccountSelect
              label={t('mailingLists.form.account')}
              placeholder={t('mailingLists.form.accountSearch')}
              {...requiredInput}
              {...form.getInputProps('accountId')}
              onChange={(value) => {
                form.setFieldValue('accountId', value)
                form.setFieldValue('addressDomainId', null)
              }}
            />
            <TextInput
              label={t('mailingLists.form.name')}
              description={t('mailingLists.form.nameHint')}
              autoComplete="off"
              spellCheck={false}
              {...requiredInput}
              {...form.getInputProps('name')}
            />
            <OwnerFields form={form} />
          </FormSection>
          <FormSection title={t('mailingLists.form.sectionAddress')}>
            <AddressFields form={form} accountId={accountId} />
          </FormSection>
          <FormActions
            cancelTo="/services/mailing-lists"
            submitLabel={t('mailingLists.form.submitCreate')}
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
        apply={{ label: t('mailingLists.form.submitCreate'), onApply: () => handleSubmit() }}
      />
    </Page>
  )
}
