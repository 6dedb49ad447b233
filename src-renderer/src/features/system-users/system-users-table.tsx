import { Anchor, Checkbox, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { SystemUserRow } from '../../../../src-shared/schemas/system-users'
import { ActiveBadge } from '../../components/active-badge'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import type { Selection } from '../../hooks/use-selection'
import { RoleBadge } from './role-badge'

interface TableProps {
  rows: SystemUserRow[]
  dir: 'asc' | 'desc'
  onSort: (column: 'username') => void
  selection: Selection<SystemUserRow>
}

function UserRow({ row, selection }: { row: SystemUserRow; selection: Selection<SystemUserRow> }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/system-users/${row.id}`
  const selected = selection.has(row.id)
  const stop = (event: { stopPropagation(): void }) => event.stopPropagation()

  return (
    <Table.Tr
      className={classes.clickableRow}
      data-selected={selected || undefined}
      onClick={() => navigate(path)}
    >
      <Table.Td onClick={stop}>
        <Checkbox
          aria-label={t('systemUsers.selectRow', { name: row.username })}
          checked={selected}
          onChange={() => selection.toggle(row)}
        />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" onClick={stop}>
          {row.username}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={row.role} />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.shell}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.effectiveHome}
        </Text>
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={row.isActive && row.accountIsActive} />
      </Table.Td>
    </Table.Tr>
  )
}

export function SystemUsersTable({ rows, dir, onSort, selection }: TableProps) {
  const { t } = useTranslation()
  const selectedHere = rows.filter((row) => selection.has(row.id)).length

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label={t('systemUsers.selectAll')}
                checked={rows.length > 0 && selectedHere === rows.length}
                indeterminate={selectedHere > 0 && selectedHere < rows.length}
                onChange={() => selection.setMany(rows, selectedHere < rows.length)}
              />
            </Table.Th>
            <SortableTh column="username" sort="username" dir={dir} onSort={onSort}>
              {t('systemUsers.columns.username')}
            </SortableTh>
            <Table.Th>{t('systemUsers.columns.role')}</Table.Th>
            <Table.Th>{t('systemUsers.columns.account')}</Table.Th>
            <Table.Th>{t('systemUsers.columns.shell')}</Table.Th>
            <Table.Th>{t('systemUsers.columns.home')}</Table.Th>
            <Table.Th>{t('systemUsers.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <UserRow key={row.id} row={row} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
