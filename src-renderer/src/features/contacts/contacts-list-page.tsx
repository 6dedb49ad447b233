import { EmptyState, Paper, Stack } from '@mantine/core'
import { IconAddressBook } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  CONTACT_SORTS,
  EMAIL_USAGES,
  type EmailUsage,
} from '../../../../src-shared/schemas/contacts'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { ContactsTable } from './contacts-table'
import { ContactsToolbar } from './contacts-toolbar'
import { WriteLinkButton } from '../../components/write-link-button'

function NoContacts() {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      icon={<IconAddressBook size={32} />}
      variant="light"
      title={t('contacts.empty.title')}
      description={t('contacts.empty.description')}
    >
      <EmptyState.Actions>
        <WriteLinkButton to="/accounts/new">{t('accounts.new')}</WriteLinkButton>
      </EmptyState.Actions>
    </EmptyState>
  )
}

function parseUsages(raw: string | null): EmailUsage[] {
  const wanted = (raw ?? '').split(',')
  return EMAIL_USAGES.filter((usage) => wanted.includes(usage))
}

export function ContactsListPage() {
  const { t } = useTranslation()
  const list = useListParams(CONTACT_SORTS, { sort: 'shortName' })
  const usages = parseUsages(list.params.get('usages'))
  const accountId = Number(list.params.get('account')) || undefined
  const filtered = Boolean(list.q || usages.length || accountId)
  const query = useChannelQuery(
    'contacts:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      dir: list.dir,
      usages,
      accountId,
    },
    { keepPrevious: true },
  )
  const data = query.data
  usePageInRange(list, data)
  const isEmpty = data !== undefined && data.total === 0 && !filtered

  return (
    <Page
      title={t('contacts.title')}
      description={t('contacts.description')}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {isEmpty && <NoContacts />}
      {!isEmpty && (
        <Stack gap="md">
          <ContactsToolbar
            q={list.q}
            usages={usages}
            accountId={accountId}
            onChange={list.update}
          />
          <Paper withBorder>
            {!data && query.isPending && <TableSkeleton />}
            {data && data.rows.length > 0 && (
              <ContactsTable
                rows={data.rows}
                sort={list.sort}
                dir={list.dir}
                onSort={list.toggleSort}
              />
            )}
            {data && data.rows.length === 0 && (
              <NoMatches onClear={() => list.update({ q: null, usages: null, account: null })} />
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
