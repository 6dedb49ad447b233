import type { ReactNode } from 'react'
import { Checkbox, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BillingRunInput } from '../../../../src-shared/schemas/bills'

export type RunOptions = Required<Omit<BillingRunInput, 'accountIds' | 'orderIds'>>

/** Step 1 of the run (spec 6.1): what it bills, the billing point and how the run treats it. */
export function RunOptionsStep(props: {
  /** The accounts or the selected orders the run bills. */
  scope: ReactNode
  options: RunOptions
  error: string | undefined
  onChange: (patch: Partial<RunOptions>) => void
}) {
  const { options, onChange } = props
  const { t } = useTranslation()
  const box = (key: 'fixedPoint' | 'proforma' | 'newOpen' | 'includeIgnored') => (
    <Checkbox
      label={t(`bills.run.${key}`)}
      description={t(`bills.run.${key}Hint`)}
      checked={options[key]}
      onChange={(event) => onChange({ [key]: event.currentTarget.checked })}
    />
  )
  return (
    <Stack gap="md" maw={560}>
      {props.scope}
      <Text size="sm" c="dimmed">
        {t('bills.run.optionsIntro')}
      </Text>
      <TextInput
        type="date"
        label={t('bills.run.billingPoint')}
        description={t('bills.run.billingPointHint')}
        value={options.billingPoint}
        onChange={(event) => onChange({ billingPoint: event.currentTarget.value })}
        error={props.error}
        w={220}
        required
      />
      {box('fixedPoint')}
      {box('proforma')}
      {box('newOpen')}
      {box('includeIgnored')}
    </Stack>
  )
}
