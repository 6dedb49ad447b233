import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contactDisplayName, type Contact } from '../../../../src-shared/schemas/contacts'
import { errorMessage } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { notifySuccess } from '../../lib/notify'

interface DeleteContactModalProps {
  opened: boolean
  contact?: Contact
  accountName: string
  onClose: () => void
  onDeleted?: () => void
}

/**
 * Deleting an account's last contact is refused by the core; the refusal stays in the dialog
 * so the user reads why.
 */
export function DeleteContactModal(props: DeleteContactModalProps) {
  const { opened, contact, accountName, onClose, onDeleted } = props
  const { t } = useTranslation()
  const remove = useChannelMutation('contacts:delete')
  const name = contact ? contactDisplayName(contact) : ''

  const handleClose = () => {
    remove.reset()
    onClose()
  }

  const handleConfirm = () => {
    if (!contact) return
    remove.mutate(
      { id: contact.id },
      {
        onSuccess: () => {
          notifySuccess(t('contact.deleted', { name }))
          handleClose()
          onDeleted?.()
        },
      },
    )
  }

  return (
    <ConfirmModal
      opened={opened}
      onClose={handleClose}
      onConfirm={handleConfirm}
      loading={remove.isPending}
      title={t('contact.deleteTitle', { name })}
      confirmLabel={t('contact.deleteConfirm')}
    >
      <Text size="sm">{t('contact.deleteBody', { account: accountName })}</Text>
      {remove.isError && (
        <Alert color="red" icon={<IconAlertTriangle />} role="alert">
          {errorMessage(remove.error)}
        </Alert>
      )}
    </ConfirmModal>
  )
}
