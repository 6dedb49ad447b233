import { NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import {
  miscellaneousCreateSchema,
  miscellaneousName,
  miscellaneousUpdateSchema,
  type MiscellaneousCreateInput,
  type MiscellaneousDetail,
  type MiscellaneousUpdateInput,
} from '../../../../src-shared/schemas/other-services'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { FormSection } from '../../components/form-section'
import { PageLoader } from '../../components/page-loader'
import { requiredInput } from '../../components/required'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { AccountSelect } from '../domains/account-select'
import { usePreview } from '../orchestration/preview/use-preview'
import { FormShell } from './form-shell'
import { LoadError } from './load-error'
import { useMiscServiceOptions } from './misc-list-page'

interface CreateValues {
  serviceId: string | null
  accountId: string | null
  identifier: string
  amount: number | string
  description: string
  isActive: boolean
}

function toCreate(values: CreateValues): MiscellaneousCreateInput {
  return {
    serviceId: Number(values.serviceId) || 0,
    accountId: Number(values.accountId) || 0,
    identifier: values.identifier,
    amount: Number(values.amount),
    description: values.description,
    isActive: values.isActive,
  }
}

/** `?account=12` comes from an account's page, so the item starts in that account. */
export function MiscCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const services = useMiscServiceOptions().filter((option) => option.row.isActive)
  const create = useChannelMutation('miscellaneous:create')
  const form = useForm<CreateValues>({
    mode: 'controlled',
    initialValues: {
      serviceId: null,
      accountId: params.get('account'),
      identifier: '',
      amount: 1,
      description: '',
      isActive: true,
    },
    validate: (values) => schemaErrors(miscellaneousCreateSchema, toCreate(values)),
  })
  const chosen = services.find((option) => option.value === form.getValues().serviceId)?.row
  const submitErrors = useSubmitErrors(form, t('otherServices.misc.form.submitCreate'))
  const preview = usePreview('miscellaneous:create', submitErrors.handleError)

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    create.mutate(toCreate(values), {
      onSuccess: (detail) => {
        const name = miscellaneousName(detail.item, detail.service.name)
        notifySuccess(t('otherServices.misc.form.created', { name }))
        navigate(`/services/miscellaneous/${detail.item.id}`)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)
  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(toCreate(values))
  }, submitErrors.focusError)

  return (
    <FormShell
      title={t('otherServices.misc.form.createTitle')}
      description={t('otherServices.misc.form.createHint')}
      submitErrors={submitErrors}
      onSubmit={handleSubmit}
      cancelTo="/services/miscellaneous"
      crumbs={[{ label: t('otherServices.misc.title'), to: '/services/miscellaneous' }]}
      submitLabel={t('otherServices.misc.form.submitCreate')}
      saving={create.isPending}
      preview={{ ...preview, run: () => handlePreview() }}
    >
      <FormSection title={t('otherServices.misc.title')}>
        <Select
          label={t('otherServices.misc.form.service')}
          data={services.map(({ value, label }) => ({ value, label }))}
          {...requiredInput}
          {...form.getInputProps('serviceId')}
        />
        <AccountSelect
          label={t('otherServices.misc.form.account')}
          placeholder={t('otherServices.misc.form.accountSearch')}
          {...requiredInput}
          {...form.getInputProps('accountId')}
        />
        {(!chosen || chosen.hasIdentifier) && (
          <TextInput
            label={t('otherServices.misc.form.identifier')}
            description={t('otherServices.misc.form.identifierHint')}
            autoComplete="off"
            spellCheck={false}
            {...requiredInput}
            {...form.getInputProps('identifier')}
          />
        )}
        {chosen?.hasAmount && (
          <NumberInput
            label={t('otherServices.misc.form.amount')}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('amount')}
          />
        )}
        <Textarea
          label={t('otherServices.misc.form.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Switch
          label={t('otherServices.misc.form.active')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
      </FormSection>
    </FormShell>
  )
}

interface EditValues {
  amount: number | string
  description: string
  isActive: boolean
}

function MiscEditForm({ detail }: { detail: MiscellaneousDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { item, service } = detail
  const name = miscellaneousName(item, service.name)
  const update = useChannelMutation('miscellaneous:update')
  const toUpdate = (values: EditValues): MiscellaneousUpdateInput => ({
    id: item.id,
    version: item.version,
    description: values.description,
    isActive: values.isActive,
    ...(service.hasAmount && { amount: Number(values.amount) }),
  })
  const form = useForm<EditValues>({
    mode: 'controlled',
    initialValues: { amount: item.amount, description: item.description, isActive: item.isActive },
    validate: (values) => schemaErrors(miscellaneousUpdateSchema, toUpdate(values)),
  })
  const submitErrors = useSubmitErrors(form, t('otherServices.misc.form.submitEdit'))
  const preview = usePreview('miscellaneous:update', submitErrors.handleError)
  const back = `/services/miscellaneous/${item.id}`

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    update.mutate(toUpdate(values), {
      onSuccess: () => {
        notifySuccess(t('otherServices.misc.form.saved', { name }))
        navigate(back)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)
  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(toUpdate(values))
  }, submitErrors.focusError)

  return (
    <FormShell
      title={t('otherServices.misc.form.editTitle', { name })}
      submitErrors={submitErrors}
      onSubmit={handleSubmit}
      cancelTo={back}
      crumbs={[
        { label: t('otherServices.misc.title'), to: '/services/miscellaneous' },
        { label: name, to: back },
      ]}
      submitLabel={t('otherServices.misc.form.submitEdit')}
      saving={update.isPending}
      preview={{ ...preview, run: () => handlePreview() }}
    >
      <FormSection title={service.verboseName || service.name}>
        {service.hasAmount && (
          <NumberInput
            label={t('otherServices.misc.form.amount')}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('amount')}
          />
        )}
        <Textarea
          label={t('otherServices.misc.form.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Switch
          label={t('otherServices.misc.form.active')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
      </FormSection>
    </FormShell>
  )
}

export function MiscEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('miscellaneous:get', { id }, { enabled: id > 0 })
  if (query.isError || !(id > 0)) {
    return (
      <LoadError
        error={query.error}
        onRetry={query.refetch}
        section="misc"
        listPath="/services/miscellaneous"
      />
    )
  }
  if (!query.data) return <PageLoader />
  return <MiscEditForm key={id} detail={query.data} />
}
