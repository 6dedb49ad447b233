import { Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { WebappDetail } from '../../../../src-shared/schemas/webapps'
import { channelKey, useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Deletes one web app after saying what goes with it (its CMS database), then back to the list. */
export function DeleteWebappButton({ detail }: { detail: WebappDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation('webapps:delete')
  const { webapp } = detail
  const sites = detail.mounts.map((mount) => `${mount.websiteName} ${mount.path}`).join(', ')

  const handleConfirm = (close: () => void) =>
    remove.mutate(
      { ids: [webapp.id] },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: channelKey('webapps:get', { id: webapp.id }) })
          notifySuccess(t('webapps.deleted', { name: webapp.name }))
          navigate('/services/webapps')
        },
        onError: (error) => notifyFailure(t('webapps.deleteConfirm'), error),
      },
    )

  return (
    <DeleteButton
      title={t('webapps.deleteTitle', { name: webapp.name })}
      confirmLabel={t('webapps.deleteConfirm')}
      loading={remove.isPending}
      onConfirm={handleConfirm}
    >
      <Stack gap="xs">
        <Text size="sm">{t('webapps.deleteBody')}</Text>
        {detail.database && (
          <Text size="sm" fw={600}>
            {t('webapps.deleteCms', {
              database: detail.database.name,
              user: detail.sqlUser?.username ?? '',
            })}
          </Text>
        )}
        {sites && (
          <Text size="sm" c="red">
            {t('webapps.deleteMounted', { sites })}
          </Text>
        )}
      </Stack>
    </DeleteButton>
  )
}
