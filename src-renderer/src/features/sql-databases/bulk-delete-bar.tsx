import { Button, Group, Paper, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'

interface BulkDeleteBarProps {
  channel: 'sqlDatabases:delete' | 'sqlUsers:delete'
  selected: { id: number; name: string }[]
  onDone: () => void
}

/** What to do with the picked rows: delete them all in one change, after a confirmation. */
export function BulkDeleteBar({ channel, selected, onDone }: BulkDeleteBarProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [opened, { open, close }] = useDisclosure(false)
  const remove = useChannelMutation(channel)
  if (selected.length === 0) return null
  const count = selected.length

  const handleConfirm = () =>
    remove.mutate(
      { ids: selected.map((row) => row.id) },
      {
        onSuccess: () => {
          close()
          onDone()
          notifySuccess(t('sqlDatabases.deletedMany', { count }))
        },
        onError: (error) => notifyFailure(t('sqlDatabases.deleteSelected'), error),
      },
    )

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Text size="sm">{t('sqlDatabases.selected', { count })}</Text>
        <Button
          color="red"
          variant="light"
          size="xs"
          leftSection={<IconTrash size={14} />}
          onClick={open}
          disabled={readOnly}
        >
          {t('sqlDatabases.deleteSelected')}
        </Button>
      </Group>
      <ConfirmModal
        opened={opened}
        onClose={close}
        onConfirm={handleConfirm}
        loading={remove.isPending}
        title={t('sqlDatabases.deleteManyTitle', { count })}
        confirmLabel={t('sqlDatabase.deleteConfirm')}
      >
        <Text size="sm">
          {t('sqlDatabases.deleteManyBody', { names: selected.map((row) => row.name).join(', ') })}
        </Text>
      </ConfirmModal>
    </Paper>
  )
}
