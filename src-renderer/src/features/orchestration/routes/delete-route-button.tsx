import { Button, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Route } from '../../../../../src-shared/schemas/orchestration'
import { useChannelMutation } from '../../../api/queries'
import { ConfirmModal } from '../../../components/confirm-modal'
import { notifyFailure, notifySuccess } from '../../../lib/notify'
import { useReadOnly } from '../../../hooks/use-read-only'

export function DeleteRouteButton({ route }: { route: Route }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const [opened, { open, close }] = useDisclosure(false)
  const remove = useChannelMutation('routes:delete')
  const values = { backend: route.backendLabel, server: route.serverName }

  const handleConfirm = () =>
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
        title={t('routeForm.deleteTitle', values)}
        confirmLabel={t('routeForm.deleteConfirm')}
      >
        <Text size="sm">{t('routeForm.deleteBody')}</Text>
      </ConfirmModal>
    </>
  )
}
