import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ServerCheck } from '../../../../../src-shared/schemas/orchestration'
import badge from '../common/badge.module.css'

function Details({ check }: { check: ServerCheck }) {
  const { t } = useTranslation()
  const { uptime } = check
  const parts = [
    uptime && t('servers.uptime', { uptime: uptime.text }),
    uptime?.load && t('servers.load', { load: uptime.load.join(' ') }),
  ].filter(Boolean)

  return (
    <>
      {parts.length > 0 && (
        <Text size="xs" c="dimmed">
          {parts.join(' · ')}
        </Text>
      )}
      {check.error && (
        <Tooltip label={check.error} multiline maw={420} openDelay={300}>
          <Text size="xs" c={check.reachable ? 'orange' : 'red'} lineClamp={2} maw={220}>
            {check.error}
          </Text>
        </Tooltip>
      )}
    </>
  )
}

/** What a check found: reachable with latency, uptime and load, or why not. */
export function ServerCheckCell({ check }: { check?: ServerCheck }) {
  const { t } = useTranslation()
  if (!check) {
    return (
      <Text size="sm" c="dimmed">
        {t('servers.notChecked')}
      </Text>
    )
  }

  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Badge className={badge.whole} color={check.reachable ? 'teal' : 'red'} variant="light">
          {check.reachable ? t('servers.reachable') : t('servers.unreachable')}
        </Badge>
        {check.latencyMs !== null && (
          <Text size="xs">{t('servers.latency', { ms: Math.round(check.latencyMs) })}</Text>
        )}
      </Group>
      <Details check={check} />
    </Stack>
  )
}
