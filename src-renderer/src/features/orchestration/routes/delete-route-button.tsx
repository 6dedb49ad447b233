import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Route } from '../../../../../src-shared/schemas/orchestration'
import { useChannelMutation } from '../../../api/queries'
import { DeleteButton } from '../../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../../lib/notify'

export function DeleteRouteButton({ route }: { route: Route }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const remove = useChannelMutation('routes:delete')
  const values = { backend: route.backendLabel, server: route.serverName }

  const handleConfirm = (close: () => void) =>
    remove.mutate(
      { id: route.id },
      {
        onSuccess: () => {
          close()
          notifySuccess(t('routeForm.deleted', values))
          navigate('/routes')
        },
        onError: (error) => notifyFailure(t('routeForm.deleteConfirm'), error),
      },
    )

  return (
    <DeleteButton
      title={t('routeForm.deleteTitle', values)}
      confirmLabel={t('routeForm.deleteConfirm')}
      loading={remove.isPending}
      onConfirm={handleConfirm}
    >
      <Text size="sm">{t('routeForm.deleteBody')}</Text>
    </DeleteButton>
  )
}
