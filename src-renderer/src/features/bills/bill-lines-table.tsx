import { ActionIcon, Checkbox, Table, Text, Tooltip } from '@mantine/core'
import { IconReceiptRefund } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BillDetail, BillLineView } from '../../../../src-shared/schemas/bills'
import { Amount } from './bill-badges'

interface LineActions {
  onCredit?: (line: BillLineView) => void
  /** Lines picked for undo, removal, move or copy. */
  selected?: ReadonlySet<number>
  onToggle?: (lineId: number) => void
}

function LineRows(props: LineActions & { line: BillLineView }) {
  const { line, onCredit, selected, onToggle } = props
  const { t } = useTranslation()
  return (
    <>
      <Table.Tr data-selected={selected?.has(line.id) || undefined}>
        {onToggle && (
          <Table.Td>
            <Checkbox
              aria-label={t('bills.lineTools.select', { description: line.description })}
              checked={selected?.has(line.id) ?? false}
              onChange={() => onToggle(line.id)}
            />
          </Table.Td>
        )}
        <Table.Td>
          <Text size="sm">{line.orderId ?? `L${line.id}`}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{line.description}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{line.period}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ta="right">
            {line.verboseQuantity || line.quantity}
          </Text>
        </Table.Td>
        <Table.Td>{line.rate && Number(line.rate) !== 0 && <Amount value={line.rate} />}</Table.Td>
        <Table.Td>
          <Text size="sm" ta="right">
            {line.tax}%
          </Text>
        </Table.Td>
        <Table.Td>
          <Amount value={line.subtotal} />
        </Table.Td>
        {onCredit && (
          <Table.Td>
            <Tooltip label={t('bills.credit.action')}>
              <ActionIcon
                variant="subtle"
                aria-label={t('bills.credit.forLine', { description: line.description })}
                onClick={() => onCredit(line)}
              >
                <IconReceiptRefund size={18} />
              </ActionIcon>
            </Tooltip>
          </Table.Td>
        )}
      </Table.Tr>
      {line.sublines.map((subline) => (
        <Table.Tr key={subline.id}>
          {onToggle && <Table.Td />}
          <Table.Td />
          <Table.Td colSpan={5} pl="xl">
            <Text size="sm" c="dimmed">
              {subline.description}
            </Text>
          </Table.Td>
          <Table.Td>
            <Amount value={subline.total} />
          </Table.Td>
          {onCredit && <Table.Td />}
        </Table.Tr>
      ))}
    </>
  )
}

/** The bill's lines as printed, sublines indented under theirs. */
export function BillLinesTable(props: LineActions & { bill: BillDetail }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" aria-label={t('bills.detail.lines')}>
        <Table.Thead>
          <Table.Tr>
            {props.onToggle && <Table.Th w={40} />}
            <Table.Th w={70}>{t('bills.lines.id')}</Table.Th>
            <Table.Th>{t('bills.lines.description')}</Table.Th>
            <Table.Th w={170}>{t('bills.lines.period')}</Table.Th>
            <Table.Th w={80} ta="right">
              {t('bills.lines.quantity')}
            </Table.Th>
            <Table.Th w={100} ta="right">
              {t('bills.lines.rate')}
            </Table.Th>
            <Table.Th w={60} ta="right">
              {t('bills.lines.tax')}
            </Table.Th>
            <Table.Th w={110} ta="right">
              {t('bills.lines.subtotal')}
            </Table.Th>
            {props.onCredit && <Table.Th w={44} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.bill.lines.map((line) => (
            <LineRows
              key={line.id}
              line={line}
              onCredit={props.onCredit}
              selected={props.selected}
              onToggle={props.onToggle}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** Base and tax per tax rate, then the total: the parts add up to it (EN 16931). */
export function BillTotals({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  return (
    <Table w={360} ml="auto" verticalSpacing={4} aria-label={t('bills.detail.totals')}>
      <Table.Tbody>
        {bill.taxes.map((entry) => (
          <TotalsRows key={entry.rate} rate={entry.rate} base={entry.base} tax={entry.tax} />
        ))}
        <Table.Tr>
          <Table.Td>
            <Text fw={700}>{t('bills.totals.total')}</Text>
          </Table.Td>
          <Table.Td>
            <Amount value={bill.total} strong />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}

function TotalsRows(props: { rate: string; base: string; tax: string }) {
  const { t } = useTranslation()
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text size="sm">{t('bills.totals.base', { rate: props.rate })}</Text>
        </Table.Td>
        <Table.Td>
          <Amount value={props.base} />
        </Table.Td>
      </Table.Tr>
      <Table.Tr>
        <Table.Td>
          <Text size="sm">{t('bills.totals.tax', { rate: props.rate })}</Text>
        </Table.Td>
        <Table.Td>
          <Amount value={props.tax} />
        </Table.Td>
      </Table.Tr>
    </>
  )
}
