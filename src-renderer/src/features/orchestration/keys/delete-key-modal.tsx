import { Alert, Text } from '@mantine/core'
import { IconBan } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SshKey } from '../../../../../src-shared/schemas/orchestration'
import { useChannelMutation } from '../../../api/queries'
import { ConfirmModal } from '../../../components/confirm-modal'
import { notifyFailure, notifySuccess } from '../../../lib/notify'

interface DeleteKeyModalProps {
  opened: boolean
  onClose: () => void
  sshKey?: SshKey
}

/** A key servers still use cannot go: they would be left with no way in. */
export function DeleteKeyModal({ opened, onClose, sshKey }: DeleteKeyModalProps) {
  const { t } = useTranslation()
  const remove = useChannelMutation('keys:delete')
  const inUse = (sshKey?.serverCount ?? 0) > 0
  const label = sshKey?.label ?? ''

  const handleConfirm = () => {
    if (!sshKey) return
    remove.mutate(
      { id: sshKey.id },
      {
        onSuccess: () => {
          onClose()
          notifySuccess(t('keys.deleted', { label }))
        },
        onError: (error) => notifyFailure(t('keys.deleteConfirm'), error),
      },
    )
  }

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      onConfirm={handleConfirm}
      loading={remove.isPending}
      confirmDisabled={inUse}
      title={t('keys.deleteTitle', { label })}
      confirmLabel={t('keys.deleteConfirm')}
    >
      {inUse ? (
        <Alert color="red" icon={<IconBan />} role="alert">
          {t('keys.inUse', { count: sshKey?.serverCount ?? 0 })}
        </Alert>
      ) : (
        <Text size="sm">{t('keys.deleteBody')}</Text>
      )}
    </ConfirmModal>
  )
}
