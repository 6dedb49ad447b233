import { Group, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SQL_TYPE_LABELS, SQL_TYPES } from '../../../../src-shared/schemas/sql-databases'
import { SearchInput } from '../../components/search-input'
import type { ParamPatch } from '../../hooks/use-list-params'
import { AccountSelect } from '../domains/account-select'

interface SqlToolbarProps {
  q: string
  type: string | null
  account: string | null
  onChange: (patch: ParamPatch) => void
}

export const TYPE_OPTIONS = SQL_TYPES.map((type) => ({ value: type, label: SQL_TYPE_LABELS[type] }))

/** Search and filters shared by the databases and the users lists. */
export function SqlToolbar({ q, type, account, onChange }: SqlToolbarProps) {
  const { t } = useTranslation()

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={q}
        onChange={(text) => onChange({ q: text })}
        label={t('sqlDatabases.searchLabel')}
        placeholder={t('sqlDatabases.searchPlaceholder')}
      />
      <Select
        label={t('sqlDatabases.filterType')}
        placeholder={t('sqlDatabases.allTypes')}
        data={TYPE_OPTIONS}
        value={type}
        onChange={(value) => onChange({ type: value })}
        clearable
        w={200}
      />
      <AccountSelect
        label={t('sqlDatabases.filterAccount')}
        placeholder={t('sqlDatabases.allAccounts')}
        value={account}
        onChange={(value) => onChange({ account: value })}
        w={200}
      />
    </Group>
  )
}
