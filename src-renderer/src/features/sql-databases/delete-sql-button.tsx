import { Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { channelKey, useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../lib/notify'

interface DeleteSqlButtonProps {
  kind: 'database' | 'user'
  id: number
  name: string
}

/** Deletes one database or user, after saying what goes on the servers, then back to its list. */
export function DeleteSqlButton({ kind, id, name }: DeleteSqlButtonProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation(kind === 'database' ? 'sqlDatabases:delete' : 'sqlUsers:delete')
  const detailKey =
    kind === 'database'
      ? channelKey('sqlDatabases:get', { id })
      : channelKey('sqlUsers:get', { id })

  const handleConfirm = (close: () => void) =>
    remove.mutate(
      { ids: [id] },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: detailKey })
          notifySuccess(t('sqlDatabase.deleted', { name }))
          navigate(kind === 'database' ? '/services/databases' : '/services/databases/users')
        },
        onError: (error) => notifyFailure(t('sqlDatabase.deleteConfirm'), error),
      },
    )

  return (
    <DeleteButton
      title={t('sqlDatabase.deleteTitle', { name })}
      confirmLabel={t('sqlDatabase.deleteConfirm')}
      loading={remove.isPending}
      onConfirm={handleConfirm}
    >
      <Text size="sm">
        {t(kind === 'database' ? 'sqlDatabase.deleteBody' : 'sqlDatabase.deleteUserBody', { name })}
      </Text>
    </DeleteButton>
  )
}
