import { Anchor, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { CONTACT_SORTS, ContactRow } from '../../../../src-shared/schemas/contacts'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import { countryName } from '../../lib/countries'

type Sort = (typeof CONTACT_SORTS)[number]
const COLUMNS: Sort[] = ['shortName', 'fullName', 'email']

interface ContactsTableProps {
  rows: ContactRow[]
  sort: Sort
  dir: 'asc' | 'desc'
  onSort: (column: Sort) => void
}

function PhoneCell({ row }: { row: ContactRow }) {
  const { t } = useTranslation()
  if (!row.phone)
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    )
  // The alternative phone is rarely needed; it waits in a tooltip.
  if (!row.phone2) return <Text size="sm">{row.phone}</Text>
  return (
    <Tooltip label={t('contacts.alternativePhone', { phone: row.phone2 })}>
      <Text size="sm" td="underline dotted">
        {row.phone}
      </Text>
    </Tooltip>
  )
}

function ContactTableRow({ row }: { row: ContactRow }) {
  const navigate = useNavigate()
  const stop = (event: React.MouseEvent) => event.stopPropagation()

  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(`/contacts/${row.id}`)}>
      <Table.Td>
        <Anchor component={Link} to={`/contacts/${row.id}`} fw={600} size="sm" onClick={stop}>
          {row.shortName}
        </Anchor>
      </Table.Td>
      <Table.Td>{row.fullName}</Table.Td>
      <Table.Td>
        <Anchor href={`mailto:${row.email}`} size="sm" onClick={stop}>
          {row.email}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <PhoneCell row={row} />
      </Table.Td>
      <Table.Td>{countryName(row.country)}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  )
}

export function ContactsTable({ rows, sort, dir, onSort }: ContactsTableProps) {
  const { t } = useTranslation()
  const th = (column: Sort) => (
    <SortableTh key={column} column={column} sort={sort} dir={dir} onSort={onSort}>
      {t(`contacts.columns.${column}`)}
    </SortableTh>
  )

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map(th)}
            <Table.Th>{t('contacts.columns.phone')}</Table.Th>
            {th('country')}
            {th('account')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <ContactTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
