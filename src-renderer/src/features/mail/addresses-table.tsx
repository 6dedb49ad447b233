import { Anchor, Checkbox, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { MailAddressRow } from '../../../../src-shared/schemas/mail'
import classes from '../../components/table.module.css'
import type { Selection } from '../../hooks/use-selection'
import { toUnicodeEmail } from './unicode-email'

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

function AddressTableRow(props: { row: MailAddressRow; selection: Selection<MailAddressRow> }) {
  const { row, selection } = props
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/mail-addresses/${row.id}`
  const email = toUnicodeEmail(row.email)
  return (
    <Table.Tr
      className={classes.clickableRow}
      data-selected={selection.has(row.id) || undefined}
      onClick={() => navigate(path)}
    >
      <Table.Td onClick={stop}>
        <Checkbox
          aria-label={t('mail.selectRow', { name: email })}
          checked={selection.has(row.id)}
          onChange={() => selection.toggle(row)}
        />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" onClick={stop}>
          {email}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.mailboxes.map((m) => m.name).join(', ') || t('common.none')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.forward || t('common.none')}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}

export function AddressesTable(props: {
  rows: MailAddressRow[]
  selection: Selection<MailAddressRow>
}) {
  const { rows, selection } = props
  const { t } = useTranslation()
  const here = rows.filter((row) => selection.has(row.id)).length
  return (
    <Table.ScrollContainer minWidth={720}>
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
            <Table.Th>{t('mail.columns.email')}</Table.Th>
            <Table.Th>{t('mail.columns.account')}</Table.Th>
            <Table.Th>{t('mail.columns.mailboxes')}</Table.Th>
            <Table.Th>{t('mail.columns.forward')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <AddressTableRow key={row.id} row={row} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
