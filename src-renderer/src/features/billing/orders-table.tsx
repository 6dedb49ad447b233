import { Anchor, Badge, Checkbox, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { OrderRow } from '../../../../src-shared/schemas/billing-orders'
import classes from '../../components/table.module.css'
import type { Selection } from '../../hooks/use-selection'

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

/** Cancelled, ignored, billed until: what a clerk reads first about an order. */
export function OrderBadges({ order }: { order: OrderRow }) {
  const { t } = useTranslation()
  return (
    <Group gap={4}>
      {order.cancelledOn ? (
        <Badge variant="light" color="gray">
          {t('billing.orders.cancelledOn', { date: order.cancelledOn })}
        </Badge>
      ) : (
        <Badge variant="light" color="teal">
          {t('billing.orders.active')}
        </Badge>
      )}
      {order.ignore && (
        <Badge variant="light" color="orange">
          {t('billing.orders.ignored')}
        </Badge>
      )}
    </Group>
  )
}

function OrderTableRow(props: { row: OrderRow; selection: Selection<OrderRow> }) {
  const { row, selection } = props
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/billing/orders/${row.id}`
  return (
    <Table.Tr
      className={classes.clickableRow}
      data-selected={selection.has(row.id) || undefined}
      onClick={() => navigate(path)}
    >
      <Table.Td onClick={stop}>
        <Checkbox
          aria-label={t('billing.orders.selectRow', { name: row.contentObjectRepr })}
          checked={selection.has(row.id)}
          onChange={() => selection.toggle(row)}
        />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" onClick={stop}>
          {row.contentObjectRepr}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.description}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/billing/services/${row.serviceId}`} size="sm" onClick={stop}>
          {row.serviceDescription}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {row.accountId ? (
          <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
            {row.accountUsername}
          </Anchor>
        ) : (
          t('common.none')
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.registeredOn}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.billedUntil ?? t('billing.orders.notBilled')}</Text>
      </Table.Td>
      <Table.Td>
        <OrderBadges order={row} />
      </Table.Td>
    </Table.Tr>
  )
}

export function OrdersTable(props: { rows: OrderRow[]; selection: Selection<OrderRow> }) {
  const { rows, selection } = props
  const { t } = useTranslation()
  const here = rows.filter((row) => selection.has(row.id)).length
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label={t('billing.orders.selectAll')}
                checked={rows.length > 0 && here === rows.length}
                indeterminate={here > 0 && here < rows.length}
                onChange={() => selection.setMany(rows, here < rows.length)}
              />
            </Table.Th>
            <Table.Th>{t('billing.orders.columns.object')}</Table.Th>
            <Table.Th>{t('billing.orders.columns.service')}</Table.Th>
            <Table.Th>{t('billing.orders.columns.account')}</Table.Th>
            <Table.Th>{t('billing.orders.columns.registeredOn')}</Table.Th>
            <Table.Th>{t('billing.orders.columns.billedUntil')}</Table.Th>
            <Table.Th>{t('billing.orders.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <OrderTableRow key={row.id} row={row} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
