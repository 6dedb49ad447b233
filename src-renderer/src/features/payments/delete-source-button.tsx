import { Button, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PaymentSourceView } from '../../../../src-shared/schemas/payments'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Deleting a source keeps its transactions, which then have none (spec 9.2). */
export function DeleteSourceButton({ source }: { source: PaymentSourceView }) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  const remove = useChannelMutation('paymentSources:delete')
  const name = source.label || source.number
  const handleConfirm = () =>
    remove.mutate(
      { id: source.id },
      {
        onSuccess: () => {
          close()
          notifySuccess(t('payments.sources.deleted', { label: name }))
        },
        onError: (error) => notifyFailure(t('payments.sources.delete'), error),
      },
    )
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={14} />}
        onClick={open}
        aria-label={t('payments.sources.deleteOne', { label: name })}
      >
        {t('common.delete')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        onConfirm={handleConfirm}
        title={t('payments.sources.deleteTitle', { label: name })}
        confirmLabel={t('payments.sources.delete')}
        loading={remove.isPending}
      >
        <Text size="sm">{t('payments.sources.deleteExplain')}</Text>
      </ConfirmModal>
    </>
  )
}
