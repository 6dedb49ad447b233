import { Badge, CloseButton, Group, Select, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LOG_STATES } from '../../../../../src-shared/schemas/orchestration'
import { SearchInput } from '../../../components/search-input'
import type { ParamPatch } from '../../../hooks/use-list-params'
import { useBackendOptions, useServerOptions } from '../common/use-options'
import type { LogFilters } from './logs-filters'

interface LogsToolbarProps {
  q: string
  filters: LogFilters
  onChange: (patch: ParamPatch) => void
}

function ObjectFilter({ filters, onChange }: Omit<LogsToolbarProps, 'q'>) {
  const { t } = useTranslation()
  const label = t('logs.filterObject', { type: filters.objectType, id: filters.objectId })
  return (
    <Badge
      size="lg"
      variant="light"
      tt="none"
      mb={4}
      rightSection={
        <CloseButton
          size="xs"
          aria-label={t('logs.removeObjectFilter')}
          onClick={() => onChange({ objectType: null, objectId: null })}
        />
      }
    >
      {label}
    </Badge>
  )
}

export function LogsToolbar({ q, filters, onChange }: LogsToolbarProps) {
  const { t } = useTranslation()
  const servers = useServerOptions()
  const backends = useBackendOptions()
  const stateOptions = LOG_STATES.map((state) => ({ value: state, label: t(`logStates.${state}`) }))

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={q}
        onChange={(text) => onChange({ q: text })}
        label={t('logs.searchLabel')}
        placeholder={t('logs.searchPlaceholder')}
        minWidth={200}
      />
      <Select
        label={t('logs.filterState')}
        placeholder={t('common.all')}
        data={stateOptions}
        value={filters.state}
        onChange={(value) => onChange({ state: value })}
        clearable
        w={130}
      />
      <Select
        label={t('logs.filterServer')}
        placeholder={t('common.all')}
        data={servers.options}
        value={filters.server}
        onChange={(value) => onChange({ server: value })}
        clearable
        searchable
        w={150}
      />
      <Select
        label={t('logs.filterBackend')}
        placeholder={t('common.all')}
        data={backends.options}
        value={filters.backend}
        onChange={(value) => onChange({ backend: value })}
        clearable
        w={150}
      />
      <TextInput
        type="date"
        label={t('logs.filterFrom')}
        value={filters.from ?? ''}
        max={filters.to ?? undefined}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
        w={140}
      />
      <TextInput
        type="date"
        label={t('logs.filterTo')}
        value={filters.to ?? ''}
        min={filters.from ?? undefined}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
        w={140}
      />
      {filters.objectType && filters.objectId && (
        <ObjectFilter filters={filters} onChange={onChange} />
      )}
    </Group>
  )
}
