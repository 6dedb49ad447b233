import { Badge } from '@mantine/core'
import { SQL_TYPE_LABELS, type SqlType } from '../../../../src-shared/schemas/sql-databases'

export function SqlTypeBadge({ type }: { type: SqlType }) {
  return (
    <Badge variant="light" color={type === 'mysql' ? 'blue' : 'grape'} tt="none">
      {SQL_TYPE_LABELS[type]}
    </Badge>
  )
}
