import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { SaasTenantRow } from '../../../../src-shared/schemas/saas'
import { ActiveBadge } from '../../components/active-badge'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import { serviceLabel } from './saas-services'

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

function SaasTableRow({ row }: { row: SaasTenantRow }) {
  const navigate = useNavigate()
  const path = `/services/saas/${row.id}`
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" ff="monospace" onClick={stop}>
          {row.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{serviceLabel(row.service)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.siteDomain}
        </Text>
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

interface SaasTableProps {
  rows: SaasTenantRow[]
  dir: 'asc' | 'desc'
  onSort: (column: 'name') => void
}

export function SaasTable({ rows, dir, onSort }: SaasTableProps) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="name" sort="name" dir={dir} onSort={onSort}>
              {t('saas.columns.name')}
            </SortableTh>
            <Table.Th>{t('saas.columns.service')}</Table.Th>
            <Table.Th>{t('saas.columns.site')}</Table.Th>
            <Table.Th>{t('saas.columns.account')}</Table.Th>
            <Table.Th>{t('saas.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <SaasTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
