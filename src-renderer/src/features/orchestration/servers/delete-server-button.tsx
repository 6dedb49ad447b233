import { Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Server } from '../../../../../src-shared/schemas/orchestration'
import { channelKey, useChannelMutation } from '../../../api/queries'
import { DeleteButton } from '../../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../../lib/notify'

export function DeleteServerButton({ server }: { server: Server }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation('servers:delete')

  const handleConfirm = (close: () => void) =>
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
    <DeleteButton
      title={t('server.deleteTitle', { name: server.name })}
      confirmLabel={t('server.deleteConfirm')}
      loading={remove.isPending}
      onConfirm={handleConfirm}
    >
      <Text size="sm">{t('server.deleteBody')}</Text>
    </DeleteButton>
  )
}
