import { useState } from 'react'
import { Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { BillDetail, BillLineView } from '../../../../src-shared/schemas/bills'
import { issuesToErrors, validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/**
 * A credit note for one line of a closed bill: the amount to give back, at most what the
 * line still holds; the core refuses more, naming the limit. The note opens for review.
 */
export function BillCreditModal(props: {
  bill: BillDetail
  line: BillLineView | null
  onClose: () => void
}) {
  const { bill, line, onClose } = props
  const { t } = useTranslation()
  const navigate = useNavigate()
  const amend = useChannelMutation('bills:createAmendment')
  const [amount, setAmount] = useState('')
  const [error, setError] = useState<string | null>(null)

  const handleConfirm = () => {
    if (!line) return
    const given = amount.trim()
    amend.mutate(
      { id: bill.id, lines: [{ lineId: line.id, ...(given && { amount: given }) }] },
      {
        onSuccess: (note) => {
          notifySuccess(t('bills.credit.done', { number: note.number }))
          handleClose()
          navigate(`/billing/bills/${note.id}`)
        },
        onError: (failure) => {
          const message = issuesToErrors(validationIssues(failure))['lines.0.amount']
          if (message) setError(message)
          else notifyFailure(t('bills.credit.action'), failure)
        },
      },
    )
  }
  const handleClose = () => {
    setAmount('')
    setError(null)
    onClose()
  }

  return (
    <ConfirmModal
      opened={line !== null}
      onClose={handleClose}
      onConfirm={handleConfirm}
      title={t('bills.credit.title', { number: bill.number })}
      confirmLabel={t('bills.credit.confirm')}
      color="blue"
      loading={amend.isPending}
    >
      <Stack gap="sm">
        <Text size="sm">{t('bills.credit.intro', { description: line?.description ?? '' })}</Text>
        <TextInput
          label={t('bills.credit.amount')}
          description={t('bills.credit.amountHint', { total: line?.total ?? '' })}
          placeholder={line?.total}
          value={amount}
          onChange={(event) => {
            setAmount(event.currentTarget.value)
            setError(null)
          }}
          error={error}
          inputMode="decimal"
        />
      </Stack>
    </ConfirmModal>
  )
}
