import { Checkbox, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RelatedOrderView } from '../../../../src-shared/schemas/bills'

function RelatedRow(props: { order: RelatedOrderView; checked: boolean; onToggle: () => void }) {
  const { order, checked, onToggle } = props
  const { t } = useTranslation()
  return (
    <Table.Tr data-selected={checked || undefined}>
      <Table.Td>
        <Checkbox
          aria-label={t('bills.run.includeOrder', { order: order.description })}
          checked={checked}
          onChange={onToggle}
        />
      </Table.Td>
      <Table.Td>{order.username}</Table.Td>
      <Table.Td>{order.service}</Table.Td>
      <Table.Td>{order.description}</Table.Td>
      <Table.Td>{order.registeredOn}</Table.Td>
      <Table.Td>{order.billedUntil ?? t('bills.run.neverBilled')}</Table.Td>
      <Table.Td>{order.cancelledOn ?? ''}</Table.Td>
    </Table.Tr>
  )
}

/**
 * Step 2 for a selection of orders (spec 4.4): the other orders of its accounts and services
 * that hold a position in the same rate table, to bill with it. Unticked, the selection is
 * priced as if they did not exist yet.
 */
export function RunRelatedStep(props: {
  related: RelatedOrderView[]
  chosen: ReadonlySet<number>
  onToggle: (id: number) => void
  onToggleAll: (on: boolean) => void
}) {
  const { related, chosen, onToggle, onToggleAll } = props
  const { t } = useTranslation()
  if (!related.length) return <Text>{t('bills.run.noRelated')}</Text>
  const all = related.every((order) => chosen.has(order.id))
  const some = related.some((order) => chosen.has(order.id))

  return (
    <Stack gap="sm">
      <Text size="sm" maw={720}>
        {t('bills.run.relatedIntro')}
      </Text>
      <Table verticalSpacing={4} aria-label={t('bills.run.relatedOrders')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('bills.run.includeAll')}
                checked={all}
                indeterminate={some && !all}
                onChange={() => onToggleAll(!all)}
              />
            </Table.Th>
            <Table.Th>{t('bills.run.relatedAccount')}</Table.Th>
            <Table.Th>{t('bills.run.relatedService')}</Table.Th>
            <Table.Th>{t('bills.run.relatedOrder')}</Table.Th>
            <Table.Th w={120}>{t('bills.run.relatedRegistered')}</Table.Th>
            <Table.Th w={120}>{t('bills.run.relatedBilledUntil')}</Table.Th>
            <Table.Th w={120}>{t('bills.run.relatedCancelled')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {related.map((order) => (
            <RelatedRow
              key={order.id}
              order={order}
              checked={chosen.has(order.id)}
              onToggle={() => onToggle(order.id)}
            />
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('bills.run.relatedChosen', { count: chosen.size, of: related.length })}
      </Text>
    </Stack>
  )
}
