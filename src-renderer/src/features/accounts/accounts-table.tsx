import { Anchor, Badge, Checkbox, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { AccountRow } from '../../../../src-shared/schemas/accounts'
import { ActiveBadge } from '../../components/active-badge'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import type { Selection } from '../../hooks/use-selection'
import { formatDay } from '../../lib/dates'

type Sort = 'username' | 'fullName' | 'type' | 'isActive' | 'dateJoined'
const SORTABLE: Sort[] = ['username', 'fullName', 'type', 'isActive']

interface AccountsTableProps {
  rows: AccountRow[]
  sort: Sort
  dir: 'asc' | 'desc'
  onSort: (column: Sort) => void
  selection: Selection<AccountRow>
}

function AccountTableRow({
  row,
  selection,
}: {
  row: AccountRow
  selection: Selection<AccountRow>
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const selected = selection.has(row.id)

  return (
    <Table.Tr
      className={classes.clickableRow}
      data-selected={selected || undefined}
      onClick={() => navigate(`/accounts/${row.id}`)}
    >
      <Table.Td onClick={(event) => event.stopPropagation()}>
        <Checkbox
          aria-label={t('accounts.selectRow', { username: row.username })}
          checked={selected}
          onChange={() => selection.toggle(row)}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Anchor
            component={Link}
            to={`/accounts/${row.id}`}
            fw={600}
            size="sm"
            onClick={(event) => event.stopPropagation()}
          >
            {row.username}
          </Anchor>
          {row.isSuperuser && (
            <Badge size="xs" variant="outline" color="grape">
              {t('account.superuser')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{row.fullName}</Table.Td>
      <Table.Td>{t(`accountTypes.${row.type}`)}</Table.Td>
      <Table.Td>
        <ActiveBadge active={row.isActive} />
      </Table.Td>
      <Table.Td className={classes.numeric}>{row.contactCount}</Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {formatDay(row.dateJoined)}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}

export function AccountsTable({ rows, sort, dir, onSort, selection }: AccountsTableProps) {
  const { t } = useTranslation()
  const selectedHere = rows.filter((row) => selection.has(row.id)).length
  const th = (column: Sort) => (
    <SortableTh key={column} column={column} sort={sort} dir={dir} onSort={onSort}>
      {t(`accounts.columns.${column}`)}
    </SortableTh>
  )

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label={t('accounts.selectAll')}
                checked={rows.length > 0 && selectedHere === rows.length}
                indeterminate={selectedHere > 0 && selectedHere < rows.length}
                onChange={() => selection.setMany(rows, selectedHere < rows.length)}
              />
            </Table.Th>
            {SORTABLE.map((column) => th(column))}
            <Table.Th className={classes.numeric}>{t('accounts.columns.contactCount')}</Table.Th>
            {th('dateJoined')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <AccountTableRow key={row.id} row={row} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
