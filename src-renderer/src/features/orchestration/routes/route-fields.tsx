import { Checkbox, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { BackendInfo } from '../../../../../src-shared/schemas/orchestration'
import { requiredInput } from '../../../components/required'
import { monoInput } from '../common/mono-input'
import { useBackendOptions, useServerOptions } from '../common/use-options'
import type { RouteFormValues } from './route-form-values'

interface RouteFieldsProps {
  form: UseFormReturnType<RouteFormValues>
  backend?: BackendInfo
  /** An existing route keeps its backend: the operations it logged are that backend's. */
  editing: boolean
}

function AsyncActions({ form, backend }: Omit<RouteFieldsProps, 'editing'>) {
  const { t } = useTranslation()
  const actions = backend?.actions ?? []
  if (actions.length === 0) return null

  return (
    <Checkbox.Group
      label={t('routeForm.asyncActions')}
      description={t('routeForm.asyncActionsHint')}
      {...form.getInputProps('asyncActions')}
    >
      <Group gap="md" mt={6}>
        {actions.map((action) => (
          <Checkbox key={action} value={action} label={action} disabled={form.values.isAsync} />
        ))}
      </Group>
    </Checkbox.Group>
  )
}

export function RouteFields({ form, backend, editing }: RouteFieldsProps) {
  const { t } = useTranslation()
  const backends = useBackendOptions()
  const servers = useServerOptions()

  return (
    <Stack gap="md">
      <Select
        label={t('routeForm.backend')}
        description={editing ? t('routeForm.backendFixed') : undefined}
        placeholder={t('routeForm.backendPlaceholder')}
        data={backends.options}
        disabled={editing}
        searchable
        {...requiredInput}
        {...form.getInputProps('backend')}
      />
      <Select
        label={t('routeForm.server')}
        placeholder={t('routeForm.serverPlaceholder')}
        data={servers.options}
        nothingFoundMessage={t('routeForm.noServers')}
        searchable
        {...requiredInput}
        {...form.getInputProps('serverId')}
      />
      <TextInput
        label={t('routeForm.match')}
        description={t('routeForm.matchHint')}
        {...monoInput}
        spellCheck={false}
        autoComplete="off"
        {...form.getInputProps('match')}
      />
      <Switch
        label={t('routeForm.isAsync')}
        description={t('routeForm.isAsyncHint')}
        {...form.getInputProps('isAsync', { type: 'checkbox' })}
      />
      <AsyncActions form={form} backend={backend} />
      <Switch
        label={t('routeForm.isActive')}
        description={t('routeForm.isActiveHint')}
        {...form.getInputProps('isActive', { type: 'checkbox' })}
      />
      {servers.servers.length === 0 && !servers.loading && (
        <Text size="sm" c="orange">
          {t('routeForm.noServers')}
        </Text>
      )}
    </Stack>
  )
}
