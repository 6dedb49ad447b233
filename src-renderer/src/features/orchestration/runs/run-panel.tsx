import { Alert, Anchor, Group, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { IconRouteOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { RunSummary } from '../../../../../src-shared/schemas/orchestration'
import { LogStateBadge } from '../common/log-state-badge'
import { useBackendLabel } from '../common/use-options'
import { objectDisplayName } from '../../../lib/service-objects'

interface RunPartProps {
  run: RunSummary
  onNavigate: () => void
}

function RunLogs({ run, onNavigate }: RunPartProps) {
  const { t } = useTranslation()
  const backendLabel = useBackendLabel()

  return (
    <Stack gap={6}>
      {run.logs.map((log) => (
        <Group key={log.id} gap="xs" wrap="nowrap" justify="space-between">
          <Anchor component={Link} to={`/logs/${log.id}`} size="sm" truncate onClick={onNavigate}>
            {t('runs.logLine', {
              backend: backendLabel(log.backend),
              server: log.serverName,
              id: log.id,
            })}
          </Anchor>
          <LogStateBadge state={log.state} size="sm" />
        </Group>
      ))}
    </Stack>
  )
}

function NotRouted({ run, onNavigate }: RunPartProps) {
  const { t } = useTranslation()
  if (run.notRouted.length === 0) return null

  return (
    <Alert color="yellow" icon={<IconRouteOff size={18} />} p="xs">
      <Stack gap={2}>
        {run.notRouted.map((entry) => (
          <Text key={`${entry.backend}:${entry.objectType}:${entry.objectId}`} size="sm">
            {t('runs.notRouted', {
              backend: entry.backend,
              object: objectDisplayName(entry.objectType, entry.objectRepr),
            })}
          </Text>
        ))}
        <Anchor component={Link} to="/routes" size="xs" onClick={onNavigate}>
          {t('runs.addRoute')}
        </Anchor>
      </Stack>
    </Alert>
  )
}

interface RunPanelProps {
  runs: RunSummary[]
  /** A link inside was followed: the list can close. */
  onNavigate: () => void
}

/** The latest changes sent to servers, newest first, with each log's state as it moves. */
export function RunPanel({ runs, onNavigate }: RunPanelProps) {
  const { t } = useTranslation()

  return (
    <Stack gap="sm" component="section" aria-label={t('runs.title')}>
      <Title order={5}>{t('runs.title')}</Title>
      <ScrollArea.Autosize mah={360}>
        <Stack gap="md">
          {runs.map((run) => (
            <Stack key={run.runId} gap={6}>
              <RunLogs run={run} onNavigate={onNavigate} />
              <NotRouted run={run} onNavigate={onNavigate} />
            </Stack>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  )
}
