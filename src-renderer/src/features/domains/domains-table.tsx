import { Anchor, Checkbox, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { DomainRow } from '../../../../src-shared/schemas/domains'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import type { Selection } from '../../hooks/use-selection'
import { toUnicodeName } from '../../lib/domain-unicode'
import { DomainName } from './domain-name'

interface DomainsTableProps {
  rows: DomainRow[]
  dir: 'asc' | 'desc'
  onSort: (column: 'name') => void
  selection: Selection<DomainRow>
}

function TopCell({ row }: { row: DomainRow }) {
  const { t } = useTranslation()
  if (row.topId === null || row.topName === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('domains.topDomain')}
      </Text>
    )
  }
  return (
    <Anchor
      component={Link}
      to={`/services/domains/${row.topId}`}
      size="sm"
      onClick={(event) => event.stopPropagation()}
    >
      {toUnicodeName(row.topName)}
    </Anchor>
  )
}

function DomainTableRow({ row, selection }: { row: DomainRow; selection: Selection<DomainRow> }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/domains/${row.id}`
  const selected = selection.has(row.id)

  return (
    <Table.Tr
      className={classes.clickableRow}
      data-selected={selected || undefined}
      onClick={() => navigate(path)}
    >
      <Table.Td onClick={(event) => event.stopPropagation()}>
        <Checkbox
          aria-label={t('domains.selectRow', { name: toUnicodeName(row.name) })}
          checked={selected}
          onChange={() => selection.toggle(row)}
        />
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={path}
          fw={600}
          size="sm"
          onClick={(event) => event.stopPropagation()}
        >
          <DomainName name={row.name} strong />
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/accounts/${row.accountId}`}
          size="sm"
          onClick={(event) => event.stopPropagation()}
        >
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <TopCell row={row} />
      </Table.Td>
      <Table.Td className={classes.numeric}>{row.recordCount}</Table.Td>
      <Table.Td className={classes.numeric}>
        <Text size="sm" ff="monospace">
          {row.serial}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}

export function DomainsTable({ rows, dir, onSort, selection }: DomainsTableProps) {
  const { t } = useTranslation()
  const selectedHere = rows.filter((row) => selection.has(row.id)).length

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <Checkbox
                aria-label={t('domains.selectAll')}
                checked={rows.length > 0 && selectedHere === rows.length}
                indeterminate={selectedHere > 0 && selectedHere < rows.length}
                onChange={() => selection.setMany(rows, selectedHere < rows.length)}
              />
            </Table.Th>
            <SortableTh column="name" sort="name" dir={dir} onSort={onSort}>
              {t('domains.columns.name')}
            </SortableTh>
            <Table.Th>{t('domains.columns.account')}</Table.Th>
            <Table.Th>{t('domains.columns.top')}</Table.Th>
            <Table.Th className={classes.numeric}>{t('domains.columns.records')}</Table.Th>
            <Table.Th className={classes.numeric}>{t('domains.columns.serial')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <DomainTableRow key={row.id} row={row} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
