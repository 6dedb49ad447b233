import { Group, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SYSTEM_USER_ROLES } from '../../../../src-shared/schemas/system-users'
import { SearchInput } from '../../components/search-input'
import type { ParamPatch } from '../../hooks/use-list-params'
import { AccountSelect } from '../domains/account-select'

export interface SystemUserFilters {
  q: string
  account: string | null
  role: string | null
  shell: string | null
  active: string | null
}

interface ToolbarProps extends SystemUserFilters {
  shells: string[]
  onChange: (patch: ParamPatch) => void
}

export function SystemUsersToolbar(props: ToolbarProps) {
  const { t } = useTranslation()
  const { onChange } = props
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={props.q}
        onChange={(text) => onChange({ q: text })}
        label={t('systemUsers.searchLabel')}
        placeholder={t('systemUsers.searchPlaceholder')}
      />
      <AccountSelect
        label={t('systemUsers.filters.account')}
        placeholder={t('systemUsers.filters.all')}
        value={props.account}
        onChange={(value) => onChange({ account: value })}
        w={180}
      />
      <Select
        label={t('systemUsers.filters.role')}
        placeholder={t('systemUsers.filters.all')}
        data={SYSTEM_USER_ROLES.map((role) => ({
          value: role,
          label: t(`systemUsers.roles.${role}`),
        }))}
        value={props.role}
        onChange={(value) => onChange({ role: value })}
        clearable
        w={140}
      />
      <Select
        label={t('systemUsers.filters.shell')}
        placeholder={t('systemUsers.filters.all')}
        data={props.shells}
        value={props.shell}
        onChange={(value) => onChange({ shell: value })}
        clearable
        w={150}
      />
      <Select
        label={t('systemUsers.filters.state')}
        placeholder={t('systemUsers.filters.all')}
        data={[
          { value: 'yes', label: t('common.active') },
          { value: 'no', label: t('common.disabled') },
        ]}
        value={props.active}
        onChange={(value) => onChange({ active: value })}
        clearable
        w={130}
      />
    </Group>
  )
}
