import { Anchor, Badge, EmptyState, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { IconApps, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { WEBAPP_TYPE_KEYS, type WebappRow } from '../../../../src-shared/schemas/webapps'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { SortableTh } from '../../components/sortable-th'
import classes from '../../components/table.module.css'
import { TableSkeleton } from '../../components/table-skeleton'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { AccountSelect } from '../domains/account-select'
import { TypeBadge } from './type-badge'

function NewWebappButton({ account }: { account: string | null }) {
  const { t } = useTranslation()
  const to = `/services/webapps/new${account ? `?account=${account}` : ''}`
  return (
    <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
      {t('webapps.new')}
    </WriteLinkButton>
  )
}

function WebappTableRow({ row }: { row: WebappRow }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/services/webapps/${row.id}`
  const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" ff="monospace" onClick={stop}>
          {row.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <TypeBadge type={row.type} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
            {row.accountUsername}
          </Anchor>
          {!row.accountIsActive && <Badge color="gray">{t('webapps.inactive')}</Badge>}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.runtime || t('webapps.runsNothing')}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}

function WebappTable(props: { rows: WebappRow[]; dir: 'asc' | 'desc'; onSort: () => void }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="name" sort="name" dir={props.dir} onSort={props.onSort}>
              {t('webapps.columns.name')}
            </SortableTh>
            <Table.Th>{t('webapps.columns.type')}</Table.Th>
            <Table.Th>{t('webapps.columns.account')}</Table.Th>
            <Table.Th>{t('webapps.columns.runtime')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <WebappTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function WebappsListPage() {
  const { t } = useTranslation()
  const list = useListParams(['name'] as const, { sort: 'name' })
  const account = list.params.get('account')
  const type = list.params.get('type')
  const query = useChannelQuery(
    'webapps:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(account) || undefined,
      type: WEBAPP_TYPE_KEYS.find((key) => key === type),
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const data = query.data
  const filtered = Boolean(list.q || type || account)
  const typeOptions = WEBAPP_TYPE_KEYS.map((key) => ({
    value: key,
    label: t(`webapps.types.${key}`),
  }))

  return (
    <Page
      title={t('webapps.title')}
      description={t('webapps.description')}
      actions={<NewWebappButton account={account} />}
      ready={query.isSuccess && !query.isFetching}
    >
      <Stack gap="md">
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {data && data.total === 0 && !filtered ? (
          <EmptyState
            py="xl"
            icon={<IconApps size={32} />}
            variant="light"
            title={t('webapps.empty.title')}
            description={t('webapps.empty.description')}
          >
            <EmptyState.Actions>
              <NewWebappButton account={null} />
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <SearchInput
                value={list.q}
                onChange={(text) => list.update({ q: text })}
                label={t('webapps.searchLabel')}
                placeholder={t('webapps.searchPlaceholder')}
              />
              <Select
                label={t('webapps.filterType')}
                placeholder={t('webapps.allTypes')}
                data={typeOptions}
                value={type}
                onChange={(value) => list.update({ type: value })}
                clearable
                w={200}
              />
              <AccountSelect
                label={t('webapps.filterAccount')}
                placeholder={t('webapps.allAccounts')}
                value={account}
                onChange={(value) => list.update({ account: value })}
                w={200}
              />
            </Group>
            <Paper withBorder>
              {!data && query.isPending && <TableSkeleton />}
              {data && data.rows.length > 0 && (
                <WebappTable
                  rows={data.rows}
                  dir={list.dir}
                  onSort={() => list.toggleSort('name')}
                />
              )}
              {data && data.rows.length === 0 && (
                <NoMatches onClear={() => list.update({ q: null, type: null, account: null })} />
              )}
            </Paper>
            {data && data.total > 0 && (
              <ListFooter
                total={data.total}
                page={list.page}
                pageSize={list.pageSize}
                onPageChange={(page) => list.update({ page })}
                onPageSizeChange={(size) => list.update({ size })}
              />
            )}
          </>
        )}
      </Stack>
    </Page>
  )
}
