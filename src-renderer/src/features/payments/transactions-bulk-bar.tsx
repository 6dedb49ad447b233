import { useTranslation } from 'react-i18next'
import type { TransactionAction, TransactionRow } from '../../../../src-shared/schemas/payments'
import { BulkActionBar, BulkButton } from '../../components/bulk-action-bar'
import type { Selection } from '../../hooks/use-selection'
import { STEP_LOOKS } from './transaction-steps'

// Reissue opens one new transaction per rejected one: offered on its row, not in bulk.
const BULK_STEPS = ['process', 'markExecuted', 'markSecured', 'reject'] as const

/** The steps every picked transaction allows: the core refuses a mix, so none is offered. */
export function commonSteps(rows: TransactionRow[]): TransactionAction[] {
  if (rows.length === 0) return []
  return BULK_STEPS.filter((step) => rows.every((row) => row.actions.includes(step)))
}

export function TransactionsBulkBar(props: {
  selection: Selection<TransactionRow>
  onStep: (action: TransactionAction, rows: TransactionRow[]) => void
  pending: boolean
}) {
  const { selection } = props
  const { t } = useTranslation()
  const steps = commonSteps(selection.rows)
  return (
    <BulkActionBar
      count={selection.count}
      label={t('payments.bulk.label')}
      selected={t('payments.bulk.selected', { count: selection.count })}
      clearLabel={t('payments.bulk.clear')}
      onClear={selection.clear}
    >
      {steps.map((step) => {
        const { icon: StepIcon, color } = STEP_LOOKS[step]
        return (
          <BulkButton
            key={step}
            icon={<StepIcon size={14} />}
            color={color}
            loading={props.pending}
            onClick={() => props.onStep(step, selection.rows)}
          >
            {t(`payments.steps.${step}`)}
          </BulkButton>
        )
      })}
      {steps.length === 0 && t('payments.bulk.noCommonStep')}
    </BulkActionBar>
  )
}
