import { Group, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SearchInput } from '../../components/search-input'
import type { ParamPatch } from '../../hooks/use-list-params'
import { AccountSelect } from '../domains/account-select'

interface ListToolbarLabels {
  search: string
  searchPlaceholder: string
  account: string
  accountAll: string
  /** The state filter's label; without it the list has no state filter. */
  state?: string
}

interface ListToolbarProps {
  labels: ListToolbarLabels
  q: string
  account: string | null
  /** '1' active, '0' disabled, null either. */
  active?: string | null
  onChange: (patch: ParamPatch) => void
}

/** Search, the account and (where the rows can be disabled) the state, above a mail list. */
export function ListToolbar({ labels, q, account, active = null, onChange }: ListToolbarProps) {
  const { t } = useTranslation()
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={q}
        onChange={(text) => onChange({ q: text })}
        label={labels.search}
        placeholder={labels.searchPlaceholder}
      />
      <AccountSelect
        label={labels.account}
        placeholder={labels.accountAll}
        value={account}
        onChange={(value) => onChange({ account: value })}
        w={200}
      />
      {labels.state && (
        <Select
          label={labels.state}
          data={[
            { value: '1', label: t('common.active') },
            { value: '0', label: t('common.disabled') },
          ]}
          placeholder={t('common.all')}
          clearable
          value={active}
          onChange={(value) => onChange({ active: value })}
          w={160}
        />
      )}
    </Group>
  )
}
