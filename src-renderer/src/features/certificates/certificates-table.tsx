import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { CertificateRow } from '../../../../src-shared/schemas/certificates'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import { CertificateExpiry, CertificateStatusBadge } from './certificate-status'

export type CertificateSort = 'notAfter' | 'name' | 'website' | 'status'

interface CertificatesTableProps {
  rows: CertificateRow[]
  sort: CertificateSort
  dir: 'asc' | 'desc'
  onSort: (column: CertificateSort) => void
}

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

function CertificateTableRow({ row }: { row: CertificateRow }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/certificates/${row.id}`
  const attention = row.due || row.status === 'failed'
  return (
    <Table.Tr
      className={classes.clickableRow}
      onClick={() => navigate(path)}
      data-due={row.due || undefined}
      bg={attention ? 'var(--mantine-color-orange-light)' : undefined}
    >
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" ff="monospace" onClick={stop}>
          {row.names[0]}
        </Anchor>
        {row.names.length > 1 && (
          <Text size="xs" c="dimmed" ff="monospace">
            {row.names.slice(1).join(' ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/services/websites/${row.websiteId}`}
          size="sm"
          onClick={stop}
        >
          {row.websiteName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <CertificateStatusBadge status={row.status} />
      </Table.Td>
      <Table.Td>
        <CertificateExpiry row={row} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={row.due ? 'orange' : undefined} fw={row.due ? 600 : undefined}>
          {row.daysLeft === null ? '—' : t('certificates.daysLeft', { count: row.daysLeft })}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}

/** The certificates, soonest to expire first by default; due ones highlighted. */
export function CertificatesTable({ rows, sort, dir, onSort }: CertificatesTableProps) {
  const { t } = useTranslation()
  const th = (column: CertificateSort, label: string) => (
    <SortableTh column={column} sort={sort} dir={dir} onSort={onSort}>
      {label}
    </SortableTh>
  )
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {th('name', t('certificates.columns.name'))}
            {th('website', t('certificates.columns.website'))}
            <Table.Th>{t('certificates.columns.account')}</Table.Th>
            {th('status', t('certificates.columns.status'))}
            {th('notAfter', t('certificates.columns.notAfter'))}
            <Table.Th>{t('certificates.columns.daysLeft')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <CertificateTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
