import { Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { SystemUser } from '../../../../src-shared/schemas/system-users'
import { channelKey, useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/**
 * Deletes an extra user. Asked for a main or CGI user, the core refuses and names it: they go
 * only with their account, and the notification says so.
 */
export function DeleteSystemUserButton({ user }: { user: SystemUser }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation('systemUsers:delete')
  const name = user.username

  const handleConfirm = (close: () => void) =>
    remove.mutate(
      { ids: [user.id] },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: channelKey('systemUsers:get', { id: user.id }) })
          notifySuccess(t('systemUsers.delete.done', { name }))
          navigate('/services/system-users')
        },
        onError: (error) => {
          close()
          notifyFailure(t('systemUsers.delete.confirm'), error)
        },
      },
    )

  return (
    <DeleteButton
      title={t('systemUsers.delete.title', { name })}
      confirmLabel={t('systemUsers.delete.confirm')}
      loading={remove.isPending}
      onConfirm={handleConfirm}
    >
      <Text size="sm">
        {user.role === 'extra'
          ? t('systemUsers.delete.intro')
          : t('systemUsers.delete.withAccount')}
      </Text>
    </DeleteButton>
  )
}
