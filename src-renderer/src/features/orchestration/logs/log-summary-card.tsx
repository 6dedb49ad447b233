import type { ReactNode } from 'react'
import { Anchor, Code, DataList, Paper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { LogDetail } from '../../../../../src-shared/schemas/orchestration'
import { formatDateTime } from '../../../lib/dates'
import { LogStateBadge } from '../common/log-state-badge'
import { useBackendLabel } from '../common/use-options'
import type en from '../../../i18n/en.json'
import { formatDuration } from './format-duration'

type Field = keyof typeof en.log.fields

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  )
}

function When({ value }: { value: string | null }) {
  const { t } = useTranslation()
  if (!value)
    return (
      <Text c="dimmed" size="sm">
        {t('common.none')}
      </Text>
    )
  return (
    <Text component="time" dateTime={value} size="sm">
      {formatDateTime(value)}
    </Text>
  )
}

function ServerLink({ log }: { log: LogDetail }) {
  const { t } = useTranslation()
  const name = `${log.serverName} (${log.serverAddress})`
  if (log.serverId === null) return <Text size="sm">{t('log.serverDeleted', { name })}</Text>
  return (
    <Anchor component={Link} to={`/servers/${log.serverId}`} size="sm">
      {name}
    </Anchor>
  )
}

export function LogSummaryCard({ log }: { log: LogDetail }) {
  const { t } = useTranslation()
  const backendLabel = useBackendLabel()
  const f = (field: Field) => t(`log.fields.${field}`)

  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="md">
        {t('log.summary')}
      </Title>
      <DataList labelWidth={130} withDivider>
        <Item label={f('state')}>
          <LogStateBadge state={log.state} />
        </Item>
        <Item label={f('server')}>
          <ServerLink log={log} />
        </Item>
        <Item label={f('backend')}>{backendLabel(log.backend)}</Item>
        <Item label={f('exitCode')}>
          {log.exitCode === null ? t('common.none') : <Code>{log.exitCode}</Code>}
        </Item>
        <Item label={f('actor')}>{log.actor}</Item>
        <Item label={f('createdAt')}>
          <When value={log.createdAt} />
        </Item>
        <Item label={f('startedAt')}>
          <When value={log.startedAt} />
        </Item>
        <Item label={f('finishedAt')}>
          <When value={log.finishedAt} />
        </Item>
        <Item label={f('duration')}>{formatDuration(log.durationSeconds)}</Item>
        <Item label={f('mode')}>{log.isAsync ? t('log.async') : t('log.sync')}</Item>
        {log.retryOf !== null && (
          <Item label={f('retryOf')}>
            <Anchor component={Link} to={`/logs/${log.retryOf}`} size="sm">
              #{log.retryOf}
            </Anchor>
          </Item>
        )}
      </DataList>
    </Paper>
  )
}
