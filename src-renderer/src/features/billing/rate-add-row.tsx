import { useState } from 'react'
import { Button, NumberInput, Select, Table, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FieldIssue } from '../../../../src-shared/errors'
import { planLabel, type Plan } from '../../../../src-shared/schemas/billing-services'
import { issueMessage, validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure } from '../../lib/notify'

interface RateAddRowProps {
  serviceId: number
  plans: Plan[]
  onSaved: (warnings: FieldIssue[]) => void
}

/** The last row of the rate table: a new rate of a plan, from a unit, at a price. */
export function RateAddRow({ serviceId, plans, onSaved }: RateAddRowProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [planId, setPlanId] = useState<string | null>(plans[0] ? String(plans[0].id) : null)
  const [quantity, setQuantity] = useState<string | number>('')
  const [price, setPrice] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const create = useChannelMutation('rates:create')

  const handleAdd = () => {
    setErrors({})
    create.mutate(
      {
        serviceId,
        planId: Number(planId) || 0,
        quantity: quantity === '' ? null : Number(quantity),
        price,
      },
      {
        onSuccess: (saved) => {
          setQuantity('')
          setPrice('')
          onSaved(saved.warnings)
        },
        onError: (error) => {
          const issues = validationIssues(error)
          if (issues.length === 0) notifyFailure(t('billing.rates.add'), error)
          setErrors(Object.fromEntries(issues.map((issue) => [issue.field, issueMessage(issue)])))
        },
      },
    )
  }

  return (
    <Table.Tr aria-label={t('billing.rates.newRow')}>
      <Table.Td>
        <Select
          aria-label={t('billing.rates.plan')}
          data={plans.map((plan) => ({ value: String(plan.id), label: planLabel(plan) }))}
          value={planId}
          onChange={setPlanId}
          allowDeselect={false}
          error={errors.planId}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('billing.rates.newQuantity')}
          value={quantity}
          onChange={setQuantity}
          min={0}
          allowDecimal={false}
          placeholder="0"
          error={errors.quantity}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('billing.rates.newPrice')}
          value={price}
          onChange={(event) => setPrice(event.currentTarget.value)}
          inputMode="decimal"
          placeholder="0.00"
          error={errors.price}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={handleAdd}
          loading={create.isPending}
          disabled={readOnly || !planId}
        >
          {t('billing.rates.add')}
        </Button>
      </Table.Td>
    </Table.Tr>
  )
}
