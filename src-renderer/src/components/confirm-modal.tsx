import type { ReactNode } from 'react'
import { Button, Group, Modal, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface ConfirmModalProps {
  opened: boolean
  onClose: () => void
  onConfirm: () => void
  title: ReactNode
  confirmLabel: string
  children: ReactNode
  color?: string
  loading?: boolean
  confirmDisabled?: boolean
  /** Wider for a dialog holding a table; "lg" otherwise. */
  size?: string
}

/** "Are you sure?" for actions that change or remove data. Cancel has the focus. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { opened, onClose, onConfirm, title, confirmLabel, children } = props
  const { t } = useTranslation()

  return (
    <Modal opened={opened} onClose={onClose} title={title} size={props.size ?? 'lg'}>
      <Stack gap="md">
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.color ?? 'red'}
            onClick={onConfirm}
            loading={props.loading}
            disabled={props.confirmDisabled}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
