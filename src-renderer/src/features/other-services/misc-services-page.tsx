import { Anchor, EmptyState, Paper, Table, Text } from '@mantine/core'
import { IconCategory, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { MiscServiceRow } from '../../../../src-shared/schemas/other-services'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { WriteLinkButton } from '../../components/write-link-button'

const BASE = '/services/miscellaneous/services'

function KindRow({ row }: { row: MiscServiceRow }) {
  const { t } = useTranslation()
  const yesNo = (flag: boolean) =>
    flag ? t('otherServices.miscServices.yes') : t('otherServices.miscServices.no')
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`${BASE}/${row.id}`} fw={600} size="sm" ff="monospace">
          {row.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.verboseName}</Text>
      </Table.Td>
      <Table.Td>{yesNo(row.hasIdentifier)}</Table.Td>
      <Table.Td>{yesNo(row.hasAmount)}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/services/miscellaneous?service=${row.id}`} size="sm">
          {row.instances}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={row.isActive} />
      </Table.Td>
    </Table.Tr>
  )
}

function KindsTable({ rows }: { rows: MiscServiceRow[] }) {
  const { t } = useTranslation()
  const column = (key: string) => t(`otherServices.miscServices.columns.${key}` as never)
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {['name', 'verboseName', 'identifier', 'amount', 'instances', 'state'].map((key) => (
              <Table.Th key={key}>{column(key)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <KindRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The kinds of manual service; few enough to list on one page. */
export function MiscServicesPage() {
  const { t } = useTranslation()
  const query = useChannelQuery('miscServices:list', { pageSize: 200 })
  const rows = query.data?.rows

  return (
    <Page
      title={t('otherServices.miscServices.title')}
      description={t('otherServices.miscServices.description')}
      crumbs={[{ label: t('otherServices.misc.title'), to: '/services/miscellaneous' }]}
      actions={
        <WriteLinkButton to={`${BASE}/new`} leftSection={<IconPlus size={16} />}>
          {t('otherServices.miscServices.new')}
        </WriteLinkButton>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {rows && rows.length === 0 && (
        <EmptyState
          py="xl"
          icon={<IconCategory size={32} />}
          variant="light"
          title={t('otherServices.miscServices.emptyTitle')}
          description={t('otherServices.miscServices.emptyBody')}
        />
      )}
      {(!rows || rows.length > 0) && (
        <Paper withBorder>
          {!rows && <TableSkeleton />}
          {rows && <KindsTable rows={rows} />}
        </Paper>
      )}
    </Page>
  )
}
