import { Button } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useReadOnly } from '../hooks/use-read-only'
import { ConfirmModal } from './confirm-modal'

interface DeleteButtonProps {
  title: string
  confirmLabel: string
  /** What goes with it, shown in the confirmation. */
  children: ReactNode
  loading: boolean
  /** Runs the deletion; `close` shuts the confirmation once it succeeded. */
  onConfirm: (close: () => void) => void
}

/** A red Delete button that asks first; disabled on a database open for audit. */
export function DeleteButton({
  title,
  confirmLabel,
  children,
  loading,
  onConfirm,
}: DeleteButtonProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [opened, { open, close }] = useDisclosure(false)

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
        onConfirm={() => onConfirm(close)}
        loading={loading}
        title={title}
        confirmLabel={confirmLabel}
      >
        {children}
      </ConfirmModal>
    </>
  )
}
