import { Alert, Grid, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import type { LogDetail } from '../../../../../src-shared/schemas/orchestration'
import { useChannelQuery } from '../../../api/queries'
import { Page } from '../../../components/page'
import { PageLoader } from '../../../components/page-loader'
import { LogStateBadge } from '../common/log-state-badge'
import { isRunning } from '../common/log-states'
import { useBackendLabel } from '../common/use-options'
import { LogLoadError } from './log-load-error'
import { LogOperationsTable } from './log-operations-table'
import { OutputBlock } from './log-output'
import { LogSummaryCard } from './log-summary-card'
import { mergeOutput } from './merge-output'
import { RetryLogButton } from './retry-log-button'
import { useLiveOutput } from './use-live-output'

function LogOutputs({ log }: { log: LogDetail }) {
  const { t } = useTranslation()
  const live = useLiveOutput(log.id)
  const running = isRunning(log.state)
  // Once finished, the stored output is complete; live chunks only matter while it runs.
  const stdout = running ? mergeOutput(log.stdout, live.stdout) : log.stdout
  const stderr = running ? mergeOutput(log.stderr, live.stderr) : log.stderr
  // A finished script that printed nothing says so once, not in two empty boxes.
  const silent = !running && !stdout && !stderr
  const empty = running ? t('log.waitingOutput') : t('log.noOutput')

  return (
    <>
      <OutputBlock
        title={t('log.stdout')}
        text={stdout}
        empty={silent ? t('log.silent') : empty}
        live={running}
      />
      {!silent && (
        <OutputBlock
          title={t('log.stderr')}
          text={stderr}
          empty={empty}
          color="red.8"
          live={running}
        />
      )}
      <OutputBlock title={t('log.script')} text={log.script} empty={t('log.noScript')} />
    </>
  )
}

export function LogPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('logs:get', { id }, { enabled: id > 0 })
  const backendLabel = useBackendLabel()

  if (query.isError || !(id > 0))
    return <LogLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const log = query.data

  return (
    <Page
      title={t('log.title', { id: log.id })}
      description={t('log.subtitle', {
        backend: backendLabel(log.backend),
        server: log.serverName,
      })}
      crumbs={[{ label: t('logs.title'), to: '/logs' }]}
      badges={<LogStateBadge state={log.state} size="lg" />}
      actions={<RetryLogButton log={log} />}
      ready={!query.isFetching}
    >
      {log.error && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('log.errorTitle')} role="alert">
          {log.error}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <LogSummaryCard log={log} />
            <LogOperationsTable operations={log.operations} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <LogOutputs log={log} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  )
}
