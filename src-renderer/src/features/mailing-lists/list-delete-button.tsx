import { Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Deletes one list after a confirmation that says what goes with it, then shows the list. */
export function ListDeleteButton({ id, name }: { id: number; name: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation('mailingLists:delete')

  return (
    <DeleteButton
      title={t('mailingLists.delete.title', { name })}
      confirmLabel={t('mailingLists.delete.confirm')}
      loading={remove.isPending}
      onConfirm={(close) =>
        remove.mutate(
          { ids: [id] },
          {
            onSuccess: () => {
              close()
              queryClient.removeQueries({ queryKey: ['mailingLists:get'] })
              notifySuccess(t('mailingLists.delete.done', { name }))
              navigate('/services/mailing-lists')
            },
            onError: (error) => notifyFailure(t('mailingLists.delete.confirm'), error),
          },
        )
      }
    >
      <Text size="sm">{t('mailingLists.deleteHint')}</Text>
    </DeleteButton>
  )
}
