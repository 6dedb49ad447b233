import { Anchor, Checkbox, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { SqlType } from '../../../../src-shared/schemas/sql-databases'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import type { Selection } from '../../hooks/use-selection'
import { SqlTypeBadge } from './sql-type-badge'

/** A database or a user as both lists show it. */
export interface SqlListRow {
  id: number
  name: string
  type: SqlType
  accountId: number
  accountUsername: string
  /** The users of a database (owner first), or the databases of a user. */
  related: string[]
  path: string
}

interface SqlTableProps {
  rows: SqlListRow[]
  columns: { name: string; related: string }
  dir: 'asc' | 'desc'
  onSort: (column: 'name') => void
  selection: Selection<SqlListRow>
}

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

function SqlTableRow({ row, selection }: { row: SqlListRow; selection: Selection<SqlListRow> }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(row.path)}>
      <Table.Td onClick={stop}>
        <Checkbox
          aria-label={t('sqlDatabases.select', { name: row.name })}
          checked={selection.has(row.id)}
          onChange={() => selection.toggle(row)}
        />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={row.path} fw={600} size="sm" ff="monospace" onClick={stop}>
          {row.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <SqlTypeBadge type={row.type} />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.related.join(', ') || t('common.none')}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}

export function SqlTable({ rows, columns, dir, onSort, selection }: SqlTableProps) {
  const { t } = useTranslation()
  const allPicked = rows.every((row) => selection.has(row.id))

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('sqlDatabases.selectPage')}
                checked={allPicked}
                indeterminate={!allPicked && rows.some((row) => selection.has(row.id))}
                onChange={() => selection.setMany(rows, !allPicked)}
              />
            </Table.Th>
            <SortableTh column="name" sort="name" dir={dir} onSort={onSort}>
              {columns.name}
            </SortableTh>
            <Table.Th>{t('sqlDatabases.columns.type')}</Table.Th>
            <Table.Th>{t('sqlDatabases.columns.account')}</Table.Th>
            <Table.Th>{columns.related}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <SqlTableRow key={row.id} row={row} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
