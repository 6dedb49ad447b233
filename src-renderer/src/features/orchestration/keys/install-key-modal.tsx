import { Modal } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Server, SshKey } from '../../../../../src-shared/schemas/orchestration'
import { InstallKeyForm } from './install-key-form'

interface InstallKeyModalProps {
  opened: boolean
  onClose: () => void
  sshKey?: SshKey
  server?: Server
}

/** Closing unmounts the form, so the password typed into it is gone with it. */
export function InstallKeyModal({ opened, onClose, sshKey, server }: InstallKeyModalProps) {
  const { t } = useTranslation()
  const title = sshKey
    ? t('keys.installTitle', { label: sshKey.label })
    : t('keys.installOnTitle', { name: server?.name ?? '' })

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <InstallKeyForm sshKey={sshKey} server={server} onDone={onClose} />
    </Modal>
  )
}
