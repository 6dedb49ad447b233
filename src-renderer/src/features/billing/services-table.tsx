import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { ServiceRow } from '../../../../src-shared/schemas/billing-services'
import { ActiveBadge } from '../../components/active-badge'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import { fieldLabel } from './service-options'

export type ServiceSort = 'description' | 'contentType' | 'nominalPrice' | 'activeOrders'

function ServiceTableRow({ row }: { row: ServiceRow }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/billing/services/${row.id}`
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm">
          {row.description}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`billing.models.${row.contentType}`)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{fieldLabel(t, 'billingPeriod', row.billingPeriod)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.nominalPrice}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/billing/orders?service=${row.id}`}
          size="sm"
          onClick={(event) => event.stopPropagation()}
        >
          {row.activeOrders}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={row.isActive} />
      </Table.Td>
    </Table.Tr>
  )
}

export function ServicesTable(props: {
  rows: ServiceRow[]
  sort: ServiceSort
  dir: 'asc' | 'desc'
  onSort: (column: ServiceSort) => void
}) {
  const { rows, sort, dir, onSort } = props
  const { t } = useTranslation()
  const th = (column: ServiceSort) => (
    <SortableTh column={column} sort={sort} dir={dir} onSort={onSort}>
      {t(`billing.services.columns.${column}`)}
    </SortableTh>
  )
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {th('description')}
            {th('contentType')}
            <Table.Th>{t('billing.services.columns.billingPeriod')}</Table.Th>
            {th('nominalPrice')}
            {th('activeOrders')}
            <Table.Th>{t('billing.services.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <ServiceTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
