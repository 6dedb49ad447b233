import { Anchor, Checkbox, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { MailingListRow } from '../../../../src-shared/schemas/mailing-lists'
import { ActiveBadge } from '../../components/active-badge'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import type { Selection } from '../../hooks/use-selection'
import { toUnicodeEmail } from '../mail/unicode-email'

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

function ListTableRow(props: { row: MailingListRow; selection: Selection<MailingListRow> }) {
  const { row, selection } = props
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/mailing-lists/${row.id}`
  const selected = selection.has(row.id)
  return (
    <Table.Tr
      className={classes.clickableRow}
      data-selected={selected || undefined}
      onClick={() => navigate(path)}
    >
      <Table.Td onClick={stop}>
        <Checkbox
          aria-label={t('mailingLists.selectRow', { name: row.name })}
          checked={selected}
          onChange={() => selection.toggle(row)}
        />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" onClick={stop}>
          {row.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{toUnicodeEmail(row.customAddress ?? row.address)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.adminEmail}</Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={row.effectiveActive} />
      </Table.Td>
    </Table.Tr>
  )
}

export function ListsTable(props: {
  rows: MailingListRow[]
  dir: 'asc' | 'desc'
  onSort: (column: 'name') => void
  selection: Selection<MailingListRow>
}) {
  const { rows, dir, onSort, selection } = props
  const { t } = useTranslation()
  const here = rows.filter((row) => selection.has(row.id)).length
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label={t('mailingLists.selectAll')}
                checked={rows.length > 0 && here === rows.length}
                indeterminate={here > 0 && here < rows.length}
                onChange={() => selection.setMany(rows, here < rows.length)}
              />
            </Table.Th>
            <SortableTh column="name" sort="name" dir={dir} onSort={onSort}>
              {t('mailingLists.columns.name')}
            </SortableTh>
            <Table.Th>{t('mailingLists.columns.address')}</Table.Th>
            <Table.Th>{t('mailingLists.columns.owner')}</Table.Th>
            <Table.Th>{t('mailingLists.columns.account')}</Table.Th>
            <Table.Th>{t('mailingLists.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <ListTableRow key={row.id} row={row} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
