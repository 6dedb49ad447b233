import { ActionIcon, Button, Group, Table, Text, Tooltip } from '@mantine/core'
import { IconLock, IconServerBolt, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SshKey } from '../../../../../src-shared/schemas/orchestration'
import classes from '../../../components/table.module.css'
import { Fingerprint } from '../common/fingerprint'
import { useReadOnly } from '../../../hooks/use-read-only'

interface KeysTableProps {
  keys: SshKey[]
  onInstall: (key: SshKey) => void
  onDelete: (key: SshKey) => void
}

function KeyRow({
  sshKey,
  onInstall,
  onDelete,
}: { sshKey: SshKey } & Omit<KeysTableProps, 'keys'>) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()

  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {sshKey.label}
          </Text>
          {sshKey.hasPassphrase && (
            <Tooltip label={t('keys.hasPassphrase')}>
              <IconLock size={14} aria-label={t('keys.hasPassphrase')} />
            </Tooltip>
          )}
        </Group>
        <Text size="xs" ff="monospace" c="dimmed">
          {sshKey.type}
        </Text>
      </Table.Td>
      <Table.Td>
        <Fingerprint value={sshKey.fingerprint} />
      </Table.Td>
      <Table.Td className={classes.numeric}>{sshKey.serverCount}</Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconServerBolt size={14} />}
            onClick={() => onInstall(sshKey)}
            disabled={readOnly}
          >
            {t('keys.install')}
          </Button>
          <Tooltip label={t('keys.deleteTitle', { label: sshKey.label })}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('keys.deleteTitle', { label: sshKey.label })}
              onClick={() => onDelete(sshKey)}
              disabled={readOnly}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

export function KeysTable({ keys, onInstall, onDelete }: KeysTableProps) {
  const { t } = useTranslation()
  const columns = ['label', 'fingerprint'] as const

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{t(`keys.columns.${column}`)}</Table.Th>
            ))}
            <Table.Th className={classes.numeric}>{t('keys.columns.servers')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <KeyRow key={key.id} sshKey={key} onInstall={onInstall} onDelete={onDelete} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
