import { Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Website } from '../../../../src-shared/schemas/websites'
import { channelKey, useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Deletes a website: its servers lose its configuration and logs; apps and domains stay. */
export function DeleteWebsiteButton({ website }: { website: Website }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation('websites:delete')
  const name = website.name

  const handleConfirm = (close: () => void) =>
    remove.mutate(
      { ids: [website.id] },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: channelKey('websites:get', { id: website.id }) })
          notifySuccess(t('websites.delete.done', { name }))
          navigate('/services/websites')
        },
        onError: (error) => {
          close()
          notifyFailure(t('websites.delete.confirm'), error)
        },
      },
    )

  return (
    <DeleteButton
      title={t('websites.delete.title', { name })}
      confirmLabel={t('websites.delete.confirm')}
      loading={remove.isPending}
      onConfirm={handleConfirm}
    >
      <Text size="sm">{t('websites.delete.intro')}</Text>
    </DeleteButton>
  )
}
