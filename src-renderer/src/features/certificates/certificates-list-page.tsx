import { Button, EmptyState, Group, Paper, Stack, Switch, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconCertificate, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { TableSkeleton } from '../../components/table-skeleton'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { CertificatesTable, type CertificateSort } from './certificates-table'

const SORTS = ['notAfter', 'name', 'website', 'status'] as const

/** Renews every certificate due, after saying how many. */
function RenewDueButton() {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [opened, { open, close }] = useDisclosure(false)
  const due = useChannelQuery('certificates:list', { dueOnly: true, pageSize: 1 })
  const renew = useChannelMutation('certificates:renew')
  const count = due.data?.total ?? 0
  const confirm = () =>
    renew.mutate(
      {},
      {
        onSuccess: (report) => {
          close()
          const counts = { renewed: report.renewed.length, failed: report.failed.length }
          if (report.failed.length) {
            notifyFailure(
              t('certificates.renewDue'),
              new Error(t('certificates.renewDone', counts)),
            )
          } else {
            notifySuccess(t('certificates.renewDone', counts))
          }
        },
        onError: (error) => notifyFailure(t('certificates.renewDue'), error),
      },
    )
  return (
    <>
      <Button
        leftSection={<IconRefresh size={16} />}
        onClick={open}
        disabled={readOnly || count === 0}
      >
        {t('certificates.renewDue')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        onConfirm={confirm}
        loading={renew.isPending}
        color="blue"
        title={t('certificates.renewDueTitle')}
        confirmLabel={t('certificates.renewDue')}
      >
        <Text size="sm">
          {count ? t('certificates.renewDueBody', { count }) : t('certificates.renewNothing')}
        </Text>
      </ConfirmModal>
    </>
  )
}

export function CertificatesListPage() {
  const { t } = useTranslation()
  const list = useListParams(SORTS, { sort: 'notAfter' })
  const dueOnly = list.params.get('due') === '1'
  const account = Number(list.params.get('account')) || undefined
  const query = useChannelQuery(
    'certificates:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      dir: list.dir,
      dueOnly,
      accountId: account,
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const data = query.data
  const filtered = Boolean(list.q || dueOnly || account)

  return (
    <Page
      title={t('certificates.title')}
      description={t('certificates.description')}
      actions={<RenewDueButton />}
      ready={query.isSuccess && !query.isFetching}
    >
      <Stack gap="md">
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {data && data.total === 0 && !filtered ? (
          <EmptyState
            py="xl"
            icon={<IconCertificate size={32} />}
            variant="light"
            title={t('certificates.empty.title')}
            description={t('certificates.empty.description')}
          />
        ) : (
          <>
            <Group gap="md" align="flex-end">
              <SearchInput
                value={list.q}
                onChange={(text) => list.update({ q: text })}
                label={t('certificates.searchLabel')}
                placeholder={t('certificates.searchPlaceholder')}
              />
              <Switch
                label={t('certificates.dueOnly')}
                checked={dueOnly}
                onChange={(event) => list.update({ due: event.currentTarget.checked ? 1 : null })}
                mb={8}
              />
            </Group>
            <Paper withBorder>
              {!data && query.isPending && <TableSkeleton />}
              {data && data.rows.length > 0 && (
                <CertificatesTable
                  rows={data.rows}
                  sort={list.sort as CertificateSort}
                  dir={list.dir}
                  onSort={list.toggleSort}
                />
              )}
              {data && data.rows.length === 0 && (
                <NoMatches onClear={() => list.update({ q: null, due: null, account: null })} />
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
