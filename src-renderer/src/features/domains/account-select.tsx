import { useState } from 'react'
import { Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useChannelQuery } from '../../api/queries'

type AccountSelectProps = Omit<SelectProps, 'data' | 'searchable' | 'onSearchChange'>

/** An account picked by username; the core searches, so it works with thousands of accounts. */
export function AccountSelect(props: AccountSelectProps) {
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 200)
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null)
  const query = useChannelQuery('accounts:list', { q, pageSize: 50 }, { keepPrevious: true })
  // An account given from outside (a link from its page) may lie past the first 50.
  const givenId = Number(props.value) || 0
  const given = useChannelQuery(
    'accounts:get',
    { id: givenId },
    { enabled: givenId > 0 && !chosen },
  )
  const options = (query.data?.rows ?? []).map((row) => ({
    value: String(row.id),
    label: row.username,
  }))
  const givenAccount = given.data?.account
  if (!chosen && givenAccount && !options.some((option) => option.value === String(givenId)))
    options.unshift({ value: String(givenAccount.id), label: givenAccount.username })
  // The chosen account stays an option when a later search no longer finds it.
  if (chosen && !options.some((option) => option.value === chosen.value)) options.unshift(chosen)

  return (
    <Select
      {...props}
      data={options}
      searchable
      clearable
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(value, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null)
        props.onChange?.(value, option)
      }}
    />
  )
}
