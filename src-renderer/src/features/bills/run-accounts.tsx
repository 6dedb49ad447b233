import { useState } from 'react'
import { MultiSelect } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/queries'
import type { AccountChoice } from './run-start'

/**
 * The accounts a run bills, searched by username in the core (there may be thousands); none
 * picked bills every account. Picked accounts stay options when a later search misses them.
 */
export function RunAccountsSelect(props: {
  value: AccountChoice[]
  onChange: (accounts: AccountChoice[]) => void
}) {
  const { value, onChange } = props
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 200)
  const query = useChannelQuery('accounts:list', { q, pageSize: 50 }, { keepPrevious: true })
  const picked = new Set(value.map((account) => account.value))
  const found = (query.data?.rows ?? [])
    .map((row) => ({ value: String(row.id), label: row.username }))
    .filter((account) => !picked.has(account.value))
  const options = [...value, ...found]

  return (
    <MultiSelect
      label={t('bills.run.accounts')}
      description={t('bills.run.accountsHint')}
      placeholder={value.length ? undefined : t('bills.run.allAccounts')}
      data={options}
      value={value.map((account) => account.value)}
      onChange={(ids) => onChange(options.filter((account) => ids.includes(account.value)))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('bills.run.noAccountFound')}
      hidePickedOptions
      clearable
      maw={560}
    />
  )
}
