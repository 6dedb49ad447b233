import { Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Deletes one mailbox or address after a confirmation, then goes back to its list. */
export function MailDeleteButton(props: {
  kind: 'mailboxes' | 'mailAddresses'
  id: number
  name: string
}) {
  const { kind, id, name } = props
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation(`${kind}:delete`)
  const back = kind === 'mailboxes' ? '/services/mailboxes' : '/services/mail-addresses'

  return (
    <DeleteButton
      title={t('mail.delete.title', { name })}
      confirmLabel={t('mail.delete.confirm')}
      loading={remove.isPending}
      onConfirm={(close) =>
        remove.mutate(
          { ids: [id] },
          {
            onSuccess: () => {
              close()
              queryClient.removeQueries({ queryKey: [`${kind}:get`] })
              notifySuccess(t('mail.delete.done', { name }))
              navigate(back)
            },
            onError: (error) => notifyFailure(t('mail.delete.confirm'), error),
          },
        )
      }
    >
      <Text size="sm">{t(`mail.delete.hint.${kind}`)}</Text>
    </DeleteButton>
  )
}
