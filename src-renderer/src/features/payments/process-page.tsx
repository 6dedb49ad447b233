import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import type { ProcessDetail } from '../../../../src-shared/schemas/payments'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { formatDateTime } from '../../lib/dates'
import { ProcessStateBadge } from './payment-badges'
import { ProcessActions } from './process-actions'
import { DownloadProcessButton } from './process-download'
import { TransactionsTable } from './transactions-table'
import { Fact } from '../../components/fact'

function ProcessFacts({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('payments.processes.summaryTitle')}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Fact label={t('payments.columns.kind')}>{t(`payments.processKinds.${process.kind}`)}</Fact>
        <Fact label={t('payments.columns.transactions')}>{process.transactions}</Fact>
        <Fact label={t('payments.processes.controlSum')}>{`${process.amount} €`}</Fact>
        <Fact label={t('payments.columns.file')}>
          <Text size="sm" ff="monospace">
            {process.fileName}
          </Text>
        </Fact>
        <Fact label={t('payments.columns.created')}>{formatDateTime(process.createdAt)}</Fact>
        <Fact label={t('payments.processes.updated')}>{formatDateTime(process.updatedAt)}</Fact>
      </SimpleGrid>
    </Paper>
  )
}

/** One bank file: what it holds, its file to send, and the steps its state allows. */
export function ProcessPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('paymentProcesses:get', { id })
  if (query.isError) {
    return (
      <Page title={t('payments.processes.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    )
  }
  if (!query.data) return <PageLoader />
  const process = query.data

  return (
    <Page
      title={t('payments.processes.name', { id: process.id })}
      description={t(`payments.processStateHints.${process.state}`)}
      crumbs={[{ label: t('payments.processes.title'), to: '/billing/processes' }]}
      badges={<ProcessStateBadge state={process.state} />}
      actions={
        <>
          <DownloadProcessButton processId={process.id} />
          <ProcessActions process={process} />
        </>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      <ProcessFacts process={process} />
      <Paper withBorder p="lg" component="section" aria-label={t('payments.processes.lines')}>
        <Stack gap="md">
          <Title order={4}>{t('payments.processes.lines')}</Title>
          <TransactionsTable rows={process.lines} hide={['process']} />
        </Stack>
      </Paper>
    </Page>
  )
}
