import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TransactionReport } from '../../../../src-shared/schemas/payments'
import { Amount } from '../bills/bill-badges'
import { TransactionStateBadge } from './payment-badges'

/**
 * Sums per state over the list's filter, and in all (spec 9.2's report), one per currency:
 * amounts of two currencies are never added.
 */
export function TransactionReportCard({ report }: { report: TransactionReport | undefined }) {
  const { t } = useTranslation()
  if (!report) return null
  return (
    <Paper withBorder p="md" component="section" aria-label={t('payments.report.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{t('payments.report.title')}</Title>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t('payments.report.total')}
            </Text>
            {report.totals.map((total) => (
              <Amount key={total.currency} value={total.amount} currency={total.currency} strong />
            ))}
          </Group>
        </Group>
        {report.states.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('payments.report.none')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          {report.states.map((line) => (
            <Stack
              key={`${line.state}-${line.currency}`}
              gap={4}
              aria-label={t(`payments.transactionStates.${line.state}`)}
            >
              <TransactionStateBadge state={line.state} />
              <Group gap={6} justify="space-between">
                <Text size="xs" c="dimmed">
                  {t('payments.report.count', { count: line.count })}
                </Text>
                <Amount value={line.amount} currency={line.currency} />
              </Group>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
