import { Anchor, Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { BillRow } from '../../../../src-shared/schemas/bills'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import { Amount, PaymentBadge } from './bill-badges'

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

function BillTableRow({ row }: { row: BillRow }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/billing/bills/${row.id}`
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" onClick={stop}>
          {row.number}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`bills.types.${row.type}`)}</Text>
        {row.amendOf && (
          <Text size="xs" c="dimmed">
            {t('bills.amendsBill', { number: row.amendOf.number })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.accountId ? (
          <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
            {row.accountName}
          </Anchor>
        ) : (
          <Text size="sm">{row.accountName}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.closedOn ?? row.createdOn}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.dueOn ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Amount value={row.total} />
      </Table.Td>
      <Table.Td>
        <PaymentBadge bill={row} />
      </Table.Td>
      <Table.Td>
        {row.isSent ? (
          <Badge variant="outline" color="teal">
            {t('bills.sent')}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('bills.notSent')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

export function BillsTable(props: {
  rows: BillRow[]
  dir: 'asc' | 'desc'
  onSort: (column: 'number') => void
}) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="number" sort="number" dir={props.dir} onSort={props.onSort}>
              {t('bills.columns.number')}
            </SortableTh>
            <Table.Th>{t('bills.columns.type')}</Table.Th>
            <Table.Th>{t('bills.columns.account')}</Table.Th>
            <Table.Th>{t('bills.columns.date')}</Table.Th>
            <Table.Th>{t('bills.columns.due')}</Table.Th>
            <Table.Th ta="right">{t('bills.columns.total')}</Table.Th>
            <Table.Th>{t('bills.columns.state')}</Table.Th>
            <Table.Th>{t('bills.columns.sent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <BillTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
