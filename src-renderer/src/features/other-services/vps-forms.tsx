import { PasswordInput, Select, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import {
  vpsCreateSchema,
  vpsUpdateSchema,
  type VpsCreateInput,
  type VpsDetail,
  type VpsUpdateInput,
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

interface CreateValues {
  accountId: string | null
  hostname: string
  type: string
  template: string
  password: string
  isActive: boolean
}

function toCreate(values: CreateValues): VpsCreateInput {
  return {
    accountId: Number(values.accountId) || 0,
    hostname: values.hostname,
    type: values.type as VpsCreateInput['type'],
    template: values.template,
    ...(values.password && { password: values.password }),
    isActive: values.isActive,
  }
}

/** `?account=12` comes from an account's page, so the VPS starts in that account. */
export function VpsCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const options = useChannelQuery('vps:options', {})
  const create = useChannelMutation('vps:create')
  const form = useForm<CreateValues>({
    mode: 'controlled',
    initialValues: {
      accountId: params.get('account'),
      hostname: '',
      type: '',
      template: '',
      password: '',
      isActive: true,
    },
    validate: (values) => schemaErrors(vpsCreateSchema, toCreate(values)),
  })
  const submitErrors = useSubmitErrors(form, t('otherServices.vps.form.submitCreate'))
  const preview = usePreview('vps:create', submitErrors.handleError)

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    create.mutate(toCreate(values), {
      onSuccess: (detail) => {
        notifySuccess(t('otherServices.vps.form.created', { name: detail.vps.hostname }))
        navigate(`/services/vps/${detail.vps.id}`)
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)
  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(toCreate(values))
  }, submitErrors.focusError)

  const types = (options.data?.types ?? []).map((type) => ({
    value: type,
    label: t(`otherServices.vps.types.${type}`),
  }))
  return (
    <FormShell
      title={t('otherServices.vps.form.createTitle')}
      description={t('otherServices.vps.form.createHint')}
      submitErrors={submitErrors}
      onSubmit={handleSubmit}
      cancelTo="/services/vps"
      crumbs={[{ label: t('otherServices.vps.title'), to: '/services/vps' }]}
      submitLabel={t('otherServices.vps.form.submitCreate')}
      saving={create.isPending}
      preview={{ ...preview, run: () => handlePreview() }}
    >
      <FormSection title={t('otherServices.vps.title')}>
        <AccountSelect
          label={t('otherServices.vps.form.account')}
          placeholder={t('otherServices.vps.form.accountSearch')}
          {...requiredInput}
          {...form.getInputProps('accountId')}
        />
        <TextInput
          label={t('otherServices.vps.form.hostname')}
          description={t('otherServices.vps.form.hostnameHint')}
          autoComplete="off"
          spellCheck={false}
          {...requiredInput}
          {...form.getInputProps('hostname')}
        />
        <Select
          label={t('otherServices.vps.form.type')}
          data={types}
          placeholder={options.data && t(`otherServices.vps.types.${options.data.defaultType}`)}
          clearable
          {...form.getInputProps('type')}
          value={form.getValues().type || null}
          onChange={(value) => form.setFieldValue('type', value ?? '')}
        />
        <Select
          label={t('otherServices.vps.form.template')}
          description={t('otherServices.vps.form.templateHint')}
          data={options.data?.templates ?? []}
          placeholder={options.data?.defaultTemplate}
          clearable
          {...form.getInputProps('template')}
          value={form.getValues().template || null}
          onChange={(value) => form.setFieldValue('template', value ?? '')}
        />
        <PasswordInput
          label={t('otherServices.vps.form.password')}
          description={t('otherServices.vps.form.passwordHint')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Switch
          label={t('otherServices.vps.form.active')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
      </FormSection>
    </FormShell>
  )
}

interface EditValues {
  password: string
  isActive: boolean
}

function VpsEditForm({ detail }: { detail: VpsDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { vps } = detail
  const update = useChannelMutation('vps:update')
  const toUpdate = (values: EditValues): VpsUpdateInput => ({
    id: vps.id,
    version: vps.version,
    isActive: values.isActive,
    ...(values.password && { password: values.password }),
  })
  const form = useForm<EditValues>({
    mode: 'controlled',
    initialValues: { password: '', isActive: vps.isActive },
    validate: (values) => schemaErrors(vpsUpdateSchema, toUpdate(values)),
  })
  const submitErrors = useSubmitErrors(form, t('otherServices.vps.form.submitEdit'))
  const preview = usePreview('vps:update', submitErrors.handleError)
  const back = `/services/vps/${vps.id}`

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    update.mutate(toUpdate(values), {
      onSuccess: () => {
        notifySuccess(t('otherServices.vps.form.saved', { name: vps.hostname }))
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
      title={t('otherServices.vps.form.editTitle', { name: vps.hostname })}
      description={t('otherServices.vps.detail.fixed')}
      submitErrors={submitErrors}
      onSubmit={handleSubmit}
      cancelTo={back}
      crumbs={[
        { label: t('otherServices.vps.title'), to: '/services/vps' },
        { label: vps.hostname, to: back },
      ]}
      submitLabel={t('otherServices.vps.form.submitEdit')}
      saving={update.isPending}
      preview={{ ...preview, run: () => handlePreview() }}
    >
      <FormSection title={t('otherServices.vps.title')}>
        <PasswordInput
          label={t('otherServices.vps.form.password')}
          description={t('otherServices.vps.form.passwordEditHint')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Switch
          label={t('otherServices.vps.form.active')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
      </FormSection>
    </FormShell>
  )
}

export function VpsEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('vps:get', { id }, { enabled: id > 0 })
  if (query.isError || !(id > 0)) {
    return (
      <LoadError
        error={query.error}
        onRetry={query.refetch}
        section="vps"
        listPath="/services/vps"
      />
    )
  }
  if (!query.data) return <PageLoader />
  return <VpsEditForm key={id} detail={query.data} />
}
