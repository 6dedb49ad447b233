import { useState } from 'react'
import { ActionIcon, Button, Group, NumberInput, Table, Text, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FieldIssue } from '../../../../src-shared/errors'
import type { Rate } from '../../../../src-shared/schemas/billing-services'
import { issueMessage, validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure } from '../../lib/notify'

interface RateRowProps {
  rate: Rate
  planName: string
  /** The table's warnings on this row (a price above the nominal one, a repeated start). */
  warnings: FieldIssue[]
  onSaved: (warnings: FieldIssue[]) => void
}

const quantityValue = (value: string | number) => (value === '' ? null : Number(value))

/** One row of a service's rate table, edited in place: from which unit, at what price. */
export function RateRow({ rate, planName, warnings, onSaved }: RateRowProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [quantity, setQuantity] = useState<string | number>(rate.quantity ?? '')
  const [price, setPrice] = useState(rate.price)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const update = useChannelMutation('rates:update')
  const remove = useChannelMutation('rates:delete')
  const changed = quantityValue(quantity) !== rate.quantity || price !== rate.price
  const warning = warnings.map(issueMessage).join(' ')

  const handleSave = () => {
    setErrors({})
    update.mutate(
      { id: rate.id, quantity: quantityValue(quantity), price },
      {
        onSuccess: (saved) => onSaved(saved.warnings),
        onError: (error) => {
          const issues = validationIssues(error)
          if (issues.length === 0) notifyFailure(t('billing.rates.save'), error)
          setErrors(Object.fromEntries(issues.map((issue) => [issue.field, issueMessage(issue)])))
        },
      },
    )
  }
  const label = t('billing.rates.rowLabel', { plan: planName, from: rate.quantity ?? 0 })

  return (
    <Table.Tr aria-label={label}>
      <Table.Td>{planName}</Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('billing.rates.quantity')}
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
          aria-label={t('billing.rates.price')}
          value={price}
          onChange={(event) => setPrice(event.currentTarget.value)}
          inputMode="decimal"
          error={errors.price}
          size="xs"
        />
        {warning && (
          <Text size="xs" c="orange" mt={4} role="status">
            {warning}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            onClick={handleSave}
            disabled={!changed || readOnly}
            loading={update.isPending}
          >
            {t('billing.rates.save')}
          </Button>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('billing.rates.delete')}
            disabled={readOnly}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: rate.id },
                { onError: (error) => notifyFailure(t('billing.rates.delete'), error) },
              )
            }
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
