import { Anchor, Checkbox, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { MailboxRow } from '../../../../src-shared/schemas/mail'
import { ActiveBadge } from '../../components/active-badge'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import type { Selection } from '../../hooks/use-selection'

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

function MailboxTableRow({
  row,
  selection,
}: {
  row: MailboxRow
  selection: Selection<MailboxRow>
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/mailboxes/${row.id}`
  const selected = selection.has(row.id)
  return (
    <Table.Tr
      className={classes.clickableRow}
      data-selected={selected || undefined}
      onClick={() => navigate(path)}
    >
      <Table.Td onClick={stop}>
        <Checkbox
          aria-label={t('mail.selectRow', { name: row.name })}
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
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`mail.filterings.${row.filtering}`)}</Table.Td>
      <Table.Td>
        <ActiveBadge active={row.effectiveActive} />
      </Table.Td>
    </Table.Tr>
  )
}

export function MailboxesTable(props: {
  rows: MailboxRow[]
  dir: 'asc' | 'desc'
  onSort: (column: 'name') => void
  selection: Selection<MailboxRow>
}) {
  const { rows, dir, onSort, selection } = props
  const { t } = useTranslation()
  const here = rows.filter((row) => selection.has(row.id)).length
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label={t('mail.selectAll')}
                checked={rows.length > 0 && here === rows.length}
                indeterminate={here > 0 && here < rows.length}
                onChange={() => selection.setMany(rows, here < rows.length)}
              />
            </Table.Th>
            <SortableTh column="name" sort="name" dir={dir} onSort={onSort}>
              {t('mail.columns.name')}
            </SortableTh>
            <Table.Th>{t('mail.columns.account')}</Table.Th>
            <Table.Th>{t('mail.columns.filtering')}</Table.Th>
            <Table.Th>{t('mail.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <MailboxTableRow key={row.id} row={row} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
