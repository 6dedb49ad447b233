import { Button, Group, List, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { RunAccountsSelect } from './run-accounts'
import type { AccountChoice, SelectedOrder } from './run-start'

const LISTED = 10

function SelectedOrders(props: { orders: SelectedOrder[]; onClear: () => void }) {
  const { orders, onClear } = props
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm" maw={560} aria-label={t('bills.run.selectedOrders')}>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t('bills.run.selectedCount', { count: orders.length })}
        </Text>
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t('bills.run.billAccountsInstead')}
        </Button>
      </Group>
      <List size="sm" spacing={2}>
        {orders.slice(0, LISTED).map((order) => (
          <List.Item key={order.id}>
            {order.accountUsername} · {order.serviceDescription} ·{' '}
            {order.description || order.contentObjectRepr}
          </List.Item>
        ))}
        {orders.length > LISTED && <List.Item>…</List.Item>}
      </List>
    </Paper>
  )
}

/**
 * What the run bills: the orders a clerk selected elsewhere (their related orders come next),
 * or every pending order of the picked accounts, of all accounts when none is picked.
 */
export function RunScope(props: {
  orders: SelectedOrder[]
  accounts: AccountChoice[]
  onAccounts: (accounts: AccountChoice[]) => void
  onClearOrders: () => void
}) {
  const { t } = useTranslation()
  if (props.orders.length) {
    return <SelectedOrders orders={props.orders} onClear={props.onClearOrders} />
  }
  return (
    <Stack gap={4}>
      <RunAccountsSelect value={props.accounts} onChange={props.onAccounts} />
      <Text size="xs" c="dimmed" maw={560}>
        {t('bills.run.selectionHint')}
      </Text>
    </Stack>
  )
}
