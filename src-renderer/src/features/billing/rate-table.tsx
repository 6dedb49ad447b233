import { useState } from 'react'
import { Alert, Anchor, List, Paper, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { FieldIssue } from '../../../../src-shared/errors'
import { planLabel, type Service } from '../../../../src-shared/schemas/billing-services'
import { issueMessage } from '../../api/errors'
import { useChannelQuery } from '../../api/queries'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { fieldLabel } from './service-options'
import { RateAddRow } from './rate-add-row'
import { RateRow } from './rate-row'

/** Warnings name their row as `rates.<index>.<field>`, by the order of `rates:list`. */
function warningsOf(warnings: FieldIssue[], index: number): FieldIssue[] {
  return warnings.filter((warning) => warning.field.startsWith(`rates.${index}.`))
}

/** What the last save answered: it went through, but the table reads oddly somewhere. */
function SaveWarnings({ warnings }: { warnings: FieldIssue[] }) {
  const { t } = useTranslation()
  if (warnings.length === 0) return null
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title={t('billing.rates.warningsTitle')}>
      <List size="sm">
        {warnings.map((warning) => (
          <List.Item key={`${warning.field}-${warning.rule}`}>{issueMessage(warning)}</List.Item>
        ))}
      </List>
    </Alert>
  )
}

/**
 * A service's rate table (spec billing 5): per plan, from which unit a unit costs what. Rates
 * only ever lower the nominal price; a row above it is kept but warned about.
 */
export function RateTable({ service }: { service: Service }) {
  const { t } = useTranslation()
  const [saveWarnings, setSaveWarnings] = useState<FieldIssue[] | null>(null)
  const rates = useChannelQuery('rates:list', { serviceId: service.id })
  const plans = useChannelQuery('plans:list', {})
  const error = rates.error ?? plans.error
  if (error) return <QueryError error={error} onRetry={() => void rates.refetch()} />
  if (!rates.data || !plans.data) return <TableSkeleton />
  const planNames = new Map(plans.data.map((plan) => [plan.id, planLabel(plan)]))
  const { rows, warnings } = { rows: rates.data.rates, warnings: rates.data.warnings }

  return (
    <Stack gap="md" aria-label={t('billing.rates.title')} component="section">
      <Text size="sm" c="dimmed">
        {t('billing.rates.intro', {
          price: service.nominalPrice,
          algorithm: fieldLabel(t, 'rateAlgorithm', service.rateAlgorithm),
        })}
      </Text>
      {saveWarnings && <SaveWarnings warnings={saveWarnings} />}
      {plans.data.length === 0 ? (
        <Alert color="blue" title={t('billing.rates.noPlansTitle')}>
          <Anchor component={Link} to="/billing/plans/new" size="sm">
            {t('billing.rates.noPlansBody')}
          </Anchor>
        </Alert>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs" aria-label={t('billing.rates.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billing.rates.plan')}</Table.Th>
                <Table.Th w={160}>{t('billing.rates.quantity')}</Table.Th>
                <Table.Th w={200}>{t('billing.rates.price')}</Table.Th>
                <Table.Th w={140} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((rate, index) => (
                <RateRow
                  key={`${rate.id}-${rate.quantity}-${rate.price}`}
                  rate={rate}
                  planName={planNames.get(rate.planId) ?? String(rate.planId)}
                  warnings={warningsOf(warnings, index)}
                  onSaved={setSaveWarnings}
                />
              ))}
              <RateAddRow serviceId={service.id} plans={plans.data} onSaved={setSaveWarnings} />
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  )
}
