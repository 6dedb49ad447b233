import { EmptyState, Group, Paper, Select, Stack } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { HISTORY_ACTIONS, OBJECT_TYPES } from '../../../../src-shared/schemas/history'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { TableSkeleton } from '../../components/table-skeleton'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { HistoryTable } from './history-table'

const SORTS = ['at'] as const

function pick<T extends string>(known: readonly T[], raw: string | null): T | undefined {
  return known.find((value) => value === raw)
}

/** Administration > History: every recorded change, newest first, read-only. */
export function HistoryPage() {
  const { t } = useTranslation()
  const list = useListParams(SORTS, { sort: 'at', dir: 'desc' })
  const objectType = pick(OBJECT_TYPES, list.params.get('type'))
  const action = pick(HISTORY_ACTIONS, list.params.get('action'))
  const filtered = Boolean(list.q || objectType || action)
  const query = useChannelQuery(
    'history:list',
    { q: list.q, page: list.page, pageSize: list.pageSize, dir: list.dir, objectType, action },
    { keepPrevious: true },
  )
  const data = query.data
  usePageInRange(list, data)
  const typeOptions = OBJECT_TYPES.map((value) => ({
    value,
    label: t(`history.objectTypes.${value}`),
  }))
  const actionOptions = HISTORY_ACTIONS.map((value) => ({
    value,
    label: t(`history.actions.${value}`),
  }))

  return (
    <Page
      title={t('history.title')}
      description={t('history.description')}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SearchInput
            value={list.q}
            onChange={(q) => list.update({ q })}
            label={t('history.searchLabel')}
            placeholder={t('history.searchPlaceholder')}
          />
          <Select
            label={t('history.filterObjectType')}
            placeholder={t('common.all')}
            data={typeOptions}
            value={objectType ?? null}
            onChange={(value) => list.update({ type: value })}
            clearable
            w={170}
          />
          <Select
            label={t('history.filterAction')}
            placeholder={t('common.all')}
            data={actionOptions}
            value={action ?? null}
            onChange={(value) => list.update({ action: value })}
            clearable
            w={170}
          />
        </Group>
        <Paper withBorder>
          {!data && query.isPending && <TableSkeleton />}
          {data && data.rows.length > 0 && <HistoryTable entries={data.rows} />}
          {data && data.rows.length === 0 && filtered && (
            <NoMatches onClear={() => list.update({ q: null, type: null, action: null })} />
          )}
          {data && data.total === 0 && !filtered && (
            <EmptyState
              py="xl"
              icon={<IconHistory size={28} />}
              withIndicatorBackground
              title={t('history.empty.title')}
              description={t('history.empty.description')}
            />
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
    </Page>
  )
}
