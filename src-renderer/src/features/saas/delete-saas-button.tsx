import { Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { SaasTenant } from '../../../../src-shared/schemas/saas'
import { channelKey, useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Deletes one tenant, after saying what goes on the servers, then back to the list. */
export function DeleteSaasButton({ tenant }: { tenant: SaasTenant }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation('saas:delete')
  const { name } = tenant

  const handleConfirm = (close: () => void) =>
    remove.mutate(
      { ids: [tenant.id] },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: channelKey('saas:get', { id: tenant.id }) })
          notifySuccess(t('saas.delete.done', { name }))
          navigate('/services/saas')
        },
        onError: (error) => {
          close()
          notifyFailure(t('saas.delete.confirm'), error)
        },
      },
    )

  return (
    <DeleteButton
      title={t('saas.delete.title', { name })}
      confirmLabel={t('saas.delete.confirm')}
      loading={remove.isPending}
      onConfirm={handleConfirm}
    >
      <Text size="sm">{t('saas.delete.body')}</Text>
    </DeleteButton>
  )
}
