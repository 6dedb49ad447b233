import { Anchor, Group, Select, Table, Text } from '@mantine/core'
import { IconFileCode } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import {
  PROCESS_STATES,
  type ProcessRow,
  type ProcessState,
} from '../../../../src-shared/schemas/payments'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { RelativeTime } from '../../components/relative-time'
import classes from '../../components/table.module.css'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { Amount } from '../bills/bill-badges'
import { ListLayout } from '../mail/list-layout'
import { NothingYet } from '../../components/nothing-yet'
import { ProcessStateBadge } from './payment-badges'

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()

function ProcessTableRow({ row }: { row: ProcessRow }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const path = `/billing/processes/${row.id}`
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" onClick={stop}>
          {t('payments.processes.name', { id: row.id })}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`payments.processKinds.${row.kind}`)}</Text>
      </Table.Td>
      <Table.Td>
        <ProcessStateBadge state={row.state} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" ta="right">
          {row.transactions}
        </Text>
      </Table.Td>
      <Table.Td>
        <Amount value={row.amount} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.fileName}
        </Text>
      </Table.Td>
      <Table.Td>
        <RelativeTime value={row.createdAt} />
      </Table.Td>
    </Table.Tr>
  )
}

function ProcessesTable({ rows }: { rows: ProcessRow[] }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={t('payments.processes.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payments.columns.process')}</Table.Th>
            <Table.Th>{t('payments.columns.kind')}</Table.Th>
            <Table.Th>{t('payments.columns.state')}</Table.Th>
            <Table.Th ta="right">{t('payments.columns.transactions')}</Table.Th>
            <Table.Th ta="right">{t('payments.columns.amount')}</Table.Th>
            <Table.Th>{t('payments.columns.file')}</Table.Th>
            <Table.Th>{t('payments.columns.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <ProcessTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function NoProcesses() {
  const { t } = useTranslation()
  return (
    <NothingYet
      icon={<IconFileCode size={24} />}
      title={t('payments.processes.emptyTitle')}
      hint={t('payments.processes.emptyHint')}
    />
  )
}

/** The bank files made from transactions, newest first, by state. */
export function ProcessesPage() {
  const { t } = useTranslation()
  const list = useListParams(['id'] as const, { sort: 'id' })
  const state = (list.params.get('state') as ProcessState | null) ?? undefined
  const query = useChannelQuery(
    'paymentProcesses:list',
    { state, page: list.page, pageSize: list.pageSize },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const toolbar = (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('payments.filters.state')}
        data={PROCESS_STATES.map((value) => ({
          value,
          label: t(`payments.processStates.${value}`),
        }))}
        placeholder={t('common.all')}
        clearable
        value={state ?? null}
        onChange={(value) => list.update({ state: value })}
        w={190}
      />
    </Group>
  )

  return (
    <Page
      title={t('payments.processes.title')}
      description={t('payments.processes.description')}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListLayout
        toolbar={toolbar}
        data={query.data}
        pending={query.isPending}
        page={list.page}
        pageSize={list.pageSize}
        onPage={list.update}
        onClear={() => list.update({ state: null })}
        empty={state ? undefined : <NoProcesses />}
      >
        <ProcessesTable rows={query.data?.rows ?? []} />
      </ListLayout>
    </Page>
  )
}
