import { useState } from 'react'
import { Button, Group, Select, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FieldIssue } from '../../../../src-shared/errors'
import type { BillDetail } from '../../../../src-shared/schemas/bills'
import { transactionCreateSchema } from '../../../../src-shared/schemas/payments'
import { issuesToErrors, schemaErrors, validationIssues } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { requiredInput } from '../../components/required'
import { unplacedIssues } from '../../lib/form-paths'
import { notifyFailure, notifySuccess } from '../../lib/notify'

interface AddValues {
  amount: string
  sourceId: string
}

const NONE = 'none'

/**
 * A transaction added by hand to a closed bill (a payment received outside a bank file);
 * the core refuses one once the bill's live transactions cover its total, on `amount`.
 */
export function AddTransactionForm(props: { bill: BillDetail; onDone: () => void }) {
  const { bill } = props
  const { t } = useTranslation()
  const create = useChannelMutation('transactions:create')
  const sources = useChannelQuery(
    'paymentSources:list',
    { accountId: bill.accountId ?? 0 },
    { enabled: bill.accountId !== null },
  )
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([])
  const request = (values: AddValues) => ({
    billId: bill.id,
    sourceId: values.sourceId === NONE ? null : Number(values.sourceId),
    amount: values.amount,
  })
  const form = useForm<AddValues>({
    initialValues: { amount: bill.total, sourceId: NONE },
    validate: (values) => schemaErrors(transactionCreateSchema, request(values)),
  })
  const options = [
    ...(sources.data ?? [])
      .filter((source) => source.isActive)
      .map((source) => ({ value: String(source.id), label: source.label || source.number })),
    { value: NONE, label: t('payments.methods.none') },
  ]

  const handleSubmit = (values: AddValues) => {
    setUnplaced([])
    create.mutate(request(values), {
      onSuccess: (row) => {
        notifySuccess(t('payments.add.done', { id: row.id, number: bill.number }))
        props.onDone()
      },
      onError: (error) => {
        const issues = validationIssues(error)
        if (!issues.length) return notifyFailure(t('payments.add.action'), error)
        form.setErrors(issuesToErrors(issues))
        setUnplaced(unplacedIssues(issues, form.getValues()))
      },
    })
  }

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate aria-label={t('payments.add.title')}>
      <FormIssuesAlert issues={unplaced} />
      <Group align="flex-start" gap="sm" mt={unplaced.length ? 'sm' : 0}>
        <TextInput
          label={t('payments.add.amount')}
          description={t('payments.add.amountHint', { total: bill.total })}
          inputMode="decimal"
          w={200}
          {...requiredInput}
          {...form.getInputProps('amount')}
        />
        <Select
          label={t('payments.add.source')}
          description={t('payments.add.sourceHint')}
          data={options}
          allowDeselect={false}
          w={260}
          {...form.getInputProps('sourceId')}
        />
        <Group gap="xs" mt={44}>
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending}>
            {t('payments.add.confirm')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Group>
    </form>
  )
}
