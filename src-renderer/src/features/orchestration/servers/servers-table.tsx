import { Anchor, Badge, Code, Group, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import {
  effectiveAddress,
  type Server,
  type ServerCheck,
} from '../../../../../src-shared/schemas/orchestration'
import classes from '../../../components/table.module.css'
import { HostKeyState } from './host-key-state'
import { ServerCheckCell } from './server-check-cell'
import badge from '../common/badge.module.css'

interface ServersTableProps {
  servers: Server[]
  checks: ReadonlyMap<number, ServerCheck>
}

function ServerRow({ server, check }: { server: Server; check?: ServerCheck }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const ssh = server.method === 'ssh'

  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(`/servers/${server.id}`)}>
      <Table.Td>
        <Stack gap={2}>
          <Anchor
            component={Link}
            to={`/servers/${server.id}`}
            fw={600}
            size="sm"
            onClick={(event) => event.stopPropagation()}
          >
            {server.name}
          </Anchor>
          <Text size="xs" ff="monospace" c="dimmed">
            {effectiveAddress(server)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge className={badge.whole} variant="outline" color={ssh ? 'indigo' : 'gray'}>
            {t(`serverMethods.${server.method}`)}
          </Badge>
          {ssh && <Code>{`${server.sshUser}:${server.sshPort}`}</Code>}
        </Group>
      </Table.Td>
      <Table.Td>
        {server.keyLabel ?? (
          <Text size="sm" c={ssh ? 'orange' : 'dimmed'}>
            {ssh ? t('servers.noKey') : t('common.none')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <HostKeyState server={server} />
      </Table.Td>
      <Table.Td>
        <ServerCheckCell check={check} />
      </Table.Td>
    </Table.Tr>
  )
}

export function ServersTable({ servers, checks }: ServersTableProps) {
  const { t } = useTranslation()
  const columns = ['name', 'connection', 'key', 'hostKey', 'status'] as const

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{t(`servers.columns.${column}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {servers.map((server) => (
            <ServerRow key={server.id} server={server} check={checks.get(server.id)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
