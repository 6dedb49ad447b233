import { Select, type SelectProps } from '@mantine/core'
import type { SqlType } from '../../../../src-shared/schemas/sql-databases'
import { useChannelQuery } from '../../api/queries'

interface UserSelectProps extends Omit<SelectProps, 'data'> {
  accountId: number
  type: SqlType
  /** Users not to offer (those already linked). */
  exclude?: number[]
}

/** A user of the account and of the database's type: the only ones a database may grant. */
export function UserSelect({ accountId, type, exclude = [], ...props }: UserSelectProps) {
  const query = useChannelQuery(
    'sqlUsers:list',
    { accountId, type, pageSize: 200 },
    { enabled: accountId > 0 },
  )
  const options = (query.data?.rows ?? [])
    .filter((row) => !exclude.includes(row.id))
    .map((row) => ({ value: String(row.id), label: row.username }))
  return <Select {...props} data={options} searchable />
}
