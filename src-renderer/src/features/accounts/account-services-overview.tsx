import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleOff,
  IconListDetails,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { i18next } from '../../i18n'
import { Link } from 'react-router-dom'
import type {
  AccountDetail,
  OwnedService,
  ServiceState,
  ServiceStatus,
} from '../../../../src-shared/schemas/accounts'
import { objectDisplayName, objectKindLabel, objectPath } from '../../lib/service-objects'

type Entry = OwnedService & Pick<ServiceStatus, 'state' | 'failures'>

const STATE_LOOK: Record<ServiceState, { color: string; icon: typeof IconCircleCheck }> = {
  active: { color: 'teal', icon: IconCircleCheck },
  disabled: { color: 'gray', icon: IconCircleOff },
  failing: { color: 'red', icon: IconAlertTriangle },
}

/** The services joined with their states, grouped by kind in the providers' order. */
export function servicesByKind(detail: AccountDetail): [string, Entry[]][] {
  const states = new Map(detail.serviceStates.map((s) => [`${s.kind}:${s.id}`, s]))
  const groups = new Map<string, Entry[]>()
  for (const service of detail.services) {
    const status = states.get(`${service.kind}:${service.id}`)
    const entry = { ...service, state: status?.state ?? 'active', failures: status?.failures ?? [] }
    groups.set(service.kind, [...(groups.get(service.kind) ?? []), entry])
  }
  return [...groups]
}

function StateBadge({ state }: { state: ServiceState }) {
  const { t } = useTranslation()
  const { color, icon: Icon } = STATE_LOOK[state]
  return (
    <Badge color={color} variant="light" leftSection={<Icon size={12} />}>
      {t(`otherServices.overview.states.${state}`)}
    </Badge>
  )
}

function ServiceRow({ entry }: { entry: Entry }) {
  const { t } = useTranslation()
  const path = objectPath(entry.kind, entry.id)
  const name = objectDisplayName(entry.kind, entry.name)
  const logs = `/logs?objectType=${entry.kind}&objectId=${entry.id}`
  return (
    <Table.Tr data-state={entry.state}>
      <Table.Td>
        {path ? (
          <Anchor component={Link} to={path} size="sm" ff="monospace">
            {name}
          </Anchor>
        ) : (
          <Text size="sm" ff="monospace">
            {name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <StateBadge state={entry.state} />
          {entry.failures.map((failure) => (
            <Anchor
              key={failure.logId}
              component={Link}
              to={`/logs/${failure.logId}`}
              size="xs"
              c="red"
            >
              {t('otherServices.overview.failure', {
                backend: failure.backend,
                server: failure.serverName,
                state: failure.state,
              })}
            </Anchor>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={logs}
          size="sm"
          aria-label={t('otherServices.overview.logsOf', { name })}
        >
          <Group gap={4}>
            <IconListDetails size={14} />
            {t('otherServices.overview.logs')}
          </Group>
        </Anchor>
      </Table.Td>
    </Table.Tr>
  )
}

/** A kind's heading in the plural, as the palette groups it; else its name in the history. */
function kindHeading(kind: string): string {
  const key = `palette.groups.${kind}`
  return i18next.exists(key) ? i18next.t(key as never) : objectKindLabel(kind)
}

function KindTable({ kind, entries }: { kind: string; entries: Entry[] }) {
  const { t } = useTranslation()
  const label = kindHeading(kind)
  return (
    <Stack gap={4} component="section" aria-label={label}>
      <Title order={5}>
        {label} ({entries.length})
      </Title>
      <Table verticalSpacing={6} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('otherServices.overview.columns.name')}</Table.Th>
            <Table.Th w="40%">{t('otherServices.overview.columns.state')}</Table.Th>
            <Table.Th w={140}>{t('otherServices.overview.columns.logs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <ServiceRow key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

/**
 * Everything an account has, by type, each with its state and a way to its page and its
 * backend logs. It reads only what the providers list, so a new kind of service shows here
 * without a change.
 */
export function AccountServicesOverview({ detail }: { detail: AccountDetail }) {
  const { t } = useTranslation()
  const groups = servicesByKind(detail)
  const title = t('otherServices.overview.title')
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={4}>{title}</Title>
          <Text size="sm" c="dimmed">
            {t('otherServices.overview.description')}
          </Text>
        </Stack>
        {groups.length === 0 && <Text size="sm">{t('otherServices.overview.empty')}</Text>}
        {groups.map(([kind, entries]) => (
          <KindTable key={kind} kind={kind} entries={entries} />
        ))}
      </Stack>
    </Paper>
  )
}
