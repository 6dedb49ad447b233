import { Group, Switch, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import {
  miscServiceCreateSchema,
  miscServiceUpdateSchema,
  type MiscService,
} from '../../../../src-shared/schemas/other-services'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { FormSection } from '../../components/form-section'
import { PageLoader } from '../../components/page-loader'
import { requiredInput } from '../../components/required'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import { usePreview } from '../orchestration/preview/use-preview'
import { DeleteObjectButton } from './delete-object-button'
import { FormShell } from './form-shell'
import { LoadError } from './load-error'

const BASE = '/services/miscellaneous/services'

interface Values {
  name: string
  verboseName: string
  description: string
  hasIdentifier: boolean
  hasAmount: boolean
  isActive: boolean
}

const EMPTY: Values = {
  name: '',
  verboseName: '',
  description: '',
  hasIdentifier: true,
  hasAmount: false,
  isActive: true,
}

/** A new kind, or an existing one (`service`): its name is fixed once created. */
function MiscServiceForm({ service, instances }: { service?: MiscService; instances: number }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useChannelMutation('miscServices:create')
  const update = useChannelMutation('miscServices:update')
  const request = (values: Values) => {
    if (!service) return values
    const { name: _name, ...fields } = values
    return { id: service.id, version: service.version, ...fields }
  }
  const schema = service ? miscServiceUpdateSchema : miscServiceCreateSchema
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: service ?? EMPTY,
    validate: (values) => schemaErrors(schema, request(values)),
  })
  const submitLabel = t(
    `otherServices.miscServices.form.${service ? 'submitEdit' : 'submitCreate'}`,
  )
  const submitErrors = useSubmitErrors(form, submitLabel)
  const preview = usePreview(
    service ? 'miscServices:update' : 'miscServices:create',
    submitErrors.handleError,
  )
  const done = (saved: MiscService) => {
    const key = service ? 'saved' : 'created'
    notifySuccess(t(`otherServices.miscServices.form.${key}`, { name: saved.name }))
    navigate(BASE)
  }

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    const callbacks = { onSuccess: done, onError: submitErrors.handleError }
    if (service) update.mutate(request(values) as never, callbacks)
    else create.mutate(values, callbacks)
  }, submitErrors.focusError)
  const handlePreview = form.onSubmit((values) => {
    submitErrors.clear()
    preview.run(request(values) as never)
  }, submitErrors.focusError)
  const flagsFixed = instances > 0

  return (
    <FormShell
      title={
        service
          ? t('otherServices.miscServices.form.editTitle', { name: service.name })
          : t('otherServices.miscServices.form.createTitle')
      }
      submitErrors={submitErrors}
      onSubmit={handleSubmit}
      cancelTo={BASE}
      crumbs={[
        { label: t('otherServices.misc.title'), to: '/services/miscellaneous' },
        { label: t('otherServices.miscServices.title'), to: BASE },
      ]}
      submitLabel={submitLabel}
      saving={create.isPending || update.isPending}
      preview={{ ...preview, run: () => handlePreview() }}
    >
      <FormSection title={t('otherServices.miscServices.title')}>
        <TextInput
          label={t('otherServices.miscServices.form.name')}
          description={t('otherServices.miscServices.form.nameHint')}
          disabled={Boolean(service)}
          autoComplete="off"
          spellCheck={false}
          {...requiredInput}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('otherServices.miscServices.form.verboseName')}
          {...form.getInputProps('verboseName')}
        />
        <Textarea
          label={t('otherServices.miscServices.form.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Group gap="xl">
          {(['hasIdentifier', 'hasAmount'] as const).map((flag) => (
            <Switch
              key={flag}
              label={t(`otherServices.miscServices.form.${flag}`)}
              description={flagsFixed ? t('otherServices.miscServices.form.flagsFixed') : undefined}
              disabled={flagsFixed}
              {...form.getInputProps(flag, { type: 'checkbox' })}
            />
          ))}
        </Group>
        <Switch
          label={t('otherServices.miscServices.form.active')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
      </FormSection>
      {service && (
        <Group>
          <DeleteObjectButton
            channel="miscServices:delete"
            section="miscServices"
            id={service.id}
            name={service.name}
            listPath={BASE}
          />
        </Group>
      )}
    </FormShell>
  )
}

export function MiscServiceCreatePage() {
  return <MiscServiceForm instances={0} />
}

export function MiscServiceEditPage() {
  const id = Number(useParams().id)
  const query = useChannelQuery('miscServices:get', { id }, { enabled: id > 0 })
  const items = useChannelQuery(
    'miscellaneous:list',
    { serviceId: id, pageSize: 1 },
    { enabled: id > 0 },
  )
  if (query.isError || !(id > 0)) {
    return (
      <LoadError
        error={query.error}
        onRetry={query.refetch}
        section="miscServices"
        listPath={BASE}
      />
    )
  }
  if (!query.data || !items.data) return <PageLoader />
  return <MiscServiceForm key={id} service={query.data} instances={items.data.total} />
}
