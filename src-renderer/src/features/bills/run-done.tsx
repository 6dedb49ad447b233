import { Anchor, Button, Group, List, Stack, Text } from '@mantine/core'
import { IconLock, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { RunCommittedView } from '../../../../src-shared/schemas/bills'
import { useApi } from '../../api/client-context'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { Amount, PaymentBadge } from './bill-badges'
import { savePdf } from './bill-download'

/** Step 3: the bills the run wrote, to open, close together and print in one job. */
export function RunDoneStep({ run }: { run: RunCommittedView }) {
  const { t } = useTranslation()
  const api = useApi()
  const ids = run.billIds
  const bills = useChannelQuery('bills:list', { ids, pageSize: 200, dir: 'asc' })
  const close = useChannelMutation('bills:setClosed')
  const rows = bills.data?.rows ?? []
  const open = rows.filter((row) => row.isOpen).map((row) => row.id)

  if (!ids.length) return <Text>{t('bills.run.nothing')}</Text>
  const handleClose = () =>
    close.mutate(
      { ids: open },
      {
        onSuccess: ({ closed }) => notifySuccess(t('bills.run.closed', { count: closed.length })),
        onError: (error) => notifyFailure(t('bills.run.closeAll'), error),
      },
    )
  const handlePrint = () =>
    api['bills:printRun']({ ids }).then(savePdf, (error: unknown) =>
      notifyFailure(t('bills.run.printAll'), error),
    )

  return (
    <Stack gap="md" data-run-done="true">
      <Text>{t('bills.run.written', { count: ids.length, orders: run.ordersUpdated })}</Text>
      <List spacing="xs" aria-label={t('bills.run.writtenBills')}>
        {rows.map((row) => (
          <List.Item key={row.id}>
            <Group gap="sm">
              <Anchor component={Link} to={`/billing/bills/${row.id}`} fw={600}>
                {row.number}
              </Anchor>
              <Text size="sm">{row.accountName}</Text>
              <Amount value={row.total} />
              <PaymentBadge bill={row} />
            </Group>
          </List.Item>
        ))}
      </List>
      <Group gap="sm">
        <Button
          leftSection={<IconLock size={16} />}
          disabled={!open.length}
          loading={close.isPending}
          onClick={handleClose}
        >
          {t('bills.run.closeAll')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} />}
          disabled={open.length === rows.length}
          onClick={() => void handlePrint()}
        >
          {t('bills.run.printAll')}
        </Button>
        <Anchor component={Link} to={`/billing/bills?ids=${ids.join(',')}`} size="sm">
          {t('bills.run.showInList')}
        </Anchor>
      </Group>
    </Stack>
  )
}
