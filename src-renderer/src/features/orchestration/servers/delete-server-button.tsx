import { Button, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Server } from '../../../../../src-shared/schemas/orchestration'
import { channelKey, useChannelMutation } from '../../../api/queries'
import { ConfirmModal } from '../../../components/confirm-modal'
import { notifyFailure, notifySuccess } from '../../../lib/notify'
import { useReadOnly } from '../../../hooks/use-read-only'

export function DeleteServerButton({ server }: { server: Server }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [opened, { open, close }] = useDisclosure(false)
  const remove = useChannelMutation('servers:delete')

  const handleConfirm = () =>
    remove.mutate(
      { id: server.id },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: channelKey('servers:get', { id: server.id }) })
          notifySuccess(t('server.deleted', { name: server.name }))
          navigate('/servers')
        },
        onError: (error) => notifyFailure(t('server.deleteConfirm'), error),
      },
    )

  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={open}
        disabled={readOnly}
      >
        {t('common.delete')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        onConfirm={handleConfirm}
        loading={remove.isPending}
        title={t('server.deleteTitle', { name: server.name })}
        confirmLabel={t('server.deleteConfirm')}
      >
        <Text size="sm">{t('server.deleteBody')}</Text>
      </ConfirmModal>
    </>
  )
}
