import { useState } from 'react'
import { Button, Text } from '@mantine/core'
import { IconLock, IconReceiptRefund } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { BillDetail, BillRow } from '../../../../src-shared/schemas/bills'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { DeleteButton } from '../../components/delete-button'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { CloseBillsModal } from '../payments/close-bills-modal'
import { SendBillButton } from './bill-send'

/**
 * Closing is for good: the final number is taken and the bill can no longer change. The
 * dialog asks which payment source collects it.
 */
function CloseButton({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const handleClosed = (closed: BillRow[]) => {
    setOpened(false)
    notifySuccess(t('bills.close.done', { number: closed[0]?.number ?? bill.number }))
  }
  return (
    <>
      <Button leftSection={<IconLock size={16} />} onClick={() => setOpened(true)}>
        {t('bills.close.action')}
      </Button>
      {opened && (
        <CloseBillsModal
          billIds={[bill.id]}
          dueOn={bill.dueOn ? { [bill.id]: bill.dueOn } : undefined}
          title={t('bills.close.title', { number: bill.number })}
          onClose={() => setOpened(false)}
          onClosed={handleClosed}
        />
      )}
    </>
  )
}

function DeleteBillButton({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const remove = useChannelMutation('bills:delete')
  return (
    <DeleteButton
      title={t('bills.delete.title', { number: bill.number })}
      confirmLabel={t('bills.delete.confirm')}
      loading={remove.isPending}
      onConfirm={(done) =>
        remove.mutate(
          { id: bill.id },
          {
            onSuccess: () => {
              done()
              notifySuccess(t('bills.delete.done', { number: bill.number }))
              navigate('/billing/bills')
            },
            onError: (error) => notifyFailure(t('bills.delete.confirm'), error),
          },
        )
      }
    >
      <Text size="sm">{t('bills.delete.hint')}</Text>
    </DeleteButton>
  )
}

/** A credit note of the whole bill: one line per tax rate, giving back its base. */
function CreditWholeButton({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [opened, setOpened] = useState(false)
  const amend = useChannelMutation('bills:createAmendment')
  const handleConfirm = () =>
    amend.mutate(
      { id: bill.id },
      {
        onSuccess: (note) => {
          setOpened(false)
          notifySuccess(t('bills.credit.done', { number: note.number }))
          navigate(`/billing/bills/${note.id}`)
        },
        onError: (error) => notifyFailure(t('bills.credit.whole'), error),
      },
    )
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconReceiptRefund size={16} />}
        onClick={() => setOpened(true)}
      >
        {t('bills.credit.whole')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => setOpened(false)}
        onConfirm={handleConfirm}
        title={t('bills.credit.title', { number: bill.number })}
        confirmLabel={t('bills.credit.confirm')}
        color="blue"
        loading={amend.isPending}
      >
        <Text size="sm">{t('bills.credit.wholeIntro', { total: bill.total })}</Text>
      </ConfirmModal>
    </>
  )
}

/** What a bill allows in its state: an open one closes or goes; a closed one is sent, amended. */
export function BillActions({ bill }: { bill: BillDetail }) {
  const readOnly = useReadOnly()
  if (readOnly) return null
  if (bill.isOpen) {
    return (
      <>
        <DeleteBillButton bill={bill} />
        <CloseButton bill={bill} />
      </>
    )
  }
  return (
    <>
      {(bill.type === 'INVOICE' || bill.type === 'FEE') && <CreditWholeButton bill={bill} />}
      <SendBillButton bill={bill} />
    </>
  )
}
