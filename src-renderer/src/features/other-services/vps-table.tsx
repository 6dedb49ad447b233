import { Anchor, Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { VpsRow } from '../../../../src-shared/schemas/other-services'
import { ActiveBadge } from '../../components/active-badge'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'

interface TableProps {
  rows: VpsRow[]
  dir: 'asc' | 'desc'
  onSort: (column: 'hostname') => void
}

function VpsTableRow({ row }: { row: VpsRow }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/vps/${row.id}`
  const stop = (event: { stopPropagation(): void }) => event.stopPropagation()

  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" ff="monospace" onClick={stop}>
          {row.hostname}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Badge variant="outline" color="gray">
          {t(`otherServices.vps.types.${row.type}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.template}</Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {row.hasPassword
            ? t('otherServices.vps.passwordSet')
            : t('otherServices.vps.passwordNone')}
        </Text>
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={row.effectiveActive} />
      </Table.Td>
    </Table.Tr>
  )
}

export function VpsTable({ rows, dir, onSort }: TableProps) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="hostname" sort="hostname" dir={dir} onSort={onSort}>
              {t('otherServices.vps.columns.hostname')}
            </SortableTh>
            <Table.Th>{t('otherServices.vps.columns.type')}</Table.Th>
            <Table.Th>{t('otherServices.vps.columns.template')}</Table.Th>
            <Table.Th>{t('otherServices.vps.columns.account')}</Table.Th>
            <Table.Th>{t('otherServices.vps.columns.password')}</Table.Th>
            <Table.Th>{t('otherServices.vps.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <VpsTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
