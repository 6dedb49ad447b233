import { EmptyState, Group, Paper, Select, Stack } from '@mantine/core'
import { IconCloud, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SaasService } from '../../../../src-shared/schemas/saas'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { TableSkeleton } from '../../components/table-skeleton'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange, type ParamPatch } from '../../hooks/use-list-params'
import { AccountSelect } from '../domains/account-select'
import { SaasTable } from './saas-table'
import { SERVICE_OPTIONS } from './saas-services'

function NewTenantButton({ account }: { account: string | null }) {
  const { t } = useTranslation()
  const to = `/services/saas/new${account ? `?account=${account}` : ''}`
  return (
    <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
      {t('saas.new')}
    </WriteLinkButton>
  )
}

interface ToolbarProps {
  q: string
  service: string | null
  account: string | null
  onChange: (patch: ParamPatch) => void
}

function SaasToolbar({ q, service, account, onChange }: ToolbarProps) {
  const { t } = useTranslation()
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={q}
        onChange={(text) => onChange({ q: text })}
        label={t('saas.searchLabel')}
        placeholder={t('saas.searchPlaceholder')}
      />
      <Select
        label={t('saas.filterService')}
        placeholder={t('saas.allServices')}
        data={SERVICE_OPTIONS}
        value={service}
        onChange={(value) => onChange({ service: value })}
        clearable
        w={200}
      />
      <AccountSelect
        label={t('saas.filterAccount')}
        placeholder={t('saas.allAccounts')}
        value={account}
        onChange={(value) => onChange({ account: value })}
        w={200}
      />
    </Group>
  )
}

function EmptyTenants() {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      icon={<IconCloud size={32} />}
      variant="light"
      title={t('saas.empty.title')}
      description={t('saas.empty.description')}
    >
      <EmptyState.Actions>
        <NewTenantButton account={null} />
      </EmptyState.Actions>
    </EmptyState>
  )
}

export function SaasListPage() {
  const { t } = useTranslation()
  const list = useListParams(['name'] as const, { sort: 'name' })
  const account = list.params.get('account')
  const service = list.params.get('service')
  const query = useChannelQuery(
    'saas:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(account) || undefined,
      service: (service as SaasService | null) ?? undefined,
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const { data } = query
  const filtered = Boolean(list.q || service || account)

  return (
    <Page
      title={t('saas.title')}
      description={t('saas.description')}
      actions={<NewTenantButton account={account} />}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {data && data.total === 0 && !filtered ? (
        <EmptyTenants />
      ) : (
        <Stack gap="md">
          <SaasToolbar q={list.q} service={service} account={account} onChange={list.update} />
          <Paper withBorder>
            {!data && query.isPending && <TableSkeleton />}
            {data && data.rows.length > 0 && (
              <SaasTable rows={data.rows} dir={list.dir} onSort={list.toggleSort} />
            )}
            {data && data.rows.length === 0 && (
              <NoMatches onClear={() => list.update({ q: null, service: null, account: null })} />
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
        </Stack>
      )}
    </Page>
  )
}
