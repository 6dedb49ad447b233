import { Paper, Stack, Table, Text, Title, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RunPreviewBill, RunPreviewView } from '../../../../src-shared/schemas/bills'
import { Amount } from './bill-badges'

function PreviewBillTable({ bill }: { bill: RunPreviewBill }) {
  const { t } = useTranslation()
  return (
    <Table verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('bills.lines.description')}</Table.Th>
          <Table.Th w={170}>{t('bills.lines.period')}</Table.Th>
          <Table.Th w={70} ta="right">
            {t('bills.lines.quantity')}
          </Table.Th>
          <Table.Th w={90} ta="right">
            {t('bills.lines.rate')}
          </Table.Th>
          <Table.Th w={60} ta="right">
            {t('bills.lines.tax')}
          </Table.Th>
          <Table.Th w={100} ta="right">
            {t('bills.lines.total')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bill.lines.map((line, i) => (
          <Table.Tr key={i}>
            <Table.Td>
              {line.description}
              {line.sublines.map((subline, j) => (
                <Text key={j} size="xs" c="dimmed">
                  {subline.description} {subline.total} €
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{line.period}</Table.Td>
            <Table.Td ta="right">{line.quantity}</Table.Td>
            <Table.Td>{line.rate && <Amount value={line.rate} />}</Table.Td>
            <Table.Td ta="right">{line.tax}%</Table.Td>
            <Table.Td>
              <Amount value={line.total} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function BillCaption({ bill }: { bill: RunPreviewBill }) {
  const { t } = useTranslation()
  const where = bill.existingBillId === null ? t('bills.run.newBill') : t('bills.run.openBill')
  return (
    <Text size="xs" c="dimmed" fw={600} tt="uppercase">
      {t(`bills.types.${bill.type}`)} · {where}
    </Text>
  )
}

/** Step 2: per account, the bills the run would write, their lines and totals. */
export function RunPreviewStep({ preview }: { preview: RunPreviewView }) {
  const { t } = useTranslation()
  if (!preview.accounts.length) {
    return <Text>{t('bills.run.nothing')}</Text>
  }
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('bills.run.summary', {
          count: preview.accounts.length,
          lines: t('bills.run.lineCount', { count: preview.lines }),
          total: preview.total,
        })}
      </Text>
      {preview.accounts.map((account) => (
        <Paper key={account.accountId} withBorder p="md" aria-label={account.username}>
          <Group justify="space-between" mb="xs">
            <Title order={5}>{account.username}</Title>
            <Amount value={account.total} strong />
          </Group>
          {account.bills.map((bill, i) => (
            <Stack key={i} gap={4} mb="sm">
              <BillCaption bill={bill} />
              <PreviewBillTable bill={bill} />
              <Text size="sm" ta="right">
                {t('bills.run.billTotals', { base: bill.base, tax: bill.tax, total: bill.total })}
              </Text>
            </Stack>
          ))}
        </Paper>
      ))}
    </Stack>
  )
}
