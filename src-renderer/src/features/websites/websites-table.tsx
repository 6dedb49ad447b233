import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { WebsiteRow } from '../../../../src-shared/schemas/websites'
import { ActiveBadge } from '../../components/active-badge'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import { toUnicodeName } from '../../lib/domain-unicode'

interface TableProps {
  rows: WebsiteRow[]
  dir: 'asc' | 'desc'
  onSort: (column: 'name') => void
}

function SiteRow({ row }: { row: WebsiteRow }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/websites/${row.id}`
  const stop = (event: { stopPropagation(): void }) => event.stopPropagation()
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
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
      <Table.Td>{t(`websites.protocols.${row.protocol}`)}</Table.Td>
      <Table.Td>
        <Text size="sm">{row.domainNames.map(toUnicodeName).join(', ') || '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.contentPaths.join(' ') || '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={row.active} />
      </Table.Td>
    </Table.Tr>
  )
}

export function WebsitesTable({ rows, dir, onSort }: TableProps) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="name" sort="name" dir={dir} onSort={onSort}>
              {t('websites.columns.name')}
            </SortableTh>
            <Table.Th>{t('websites.columns.account')}</Table.Th>
            <Table.Th>{t('websites.columns.protocol')}</Table.Th>
            <Table.Th>{t('websites.columns.domains')}</Table.Th>
            <Table.Th>{t('websites.columns.contents')}</Table.Th>
            <Table.Th>{t('websites.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <SiteRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
