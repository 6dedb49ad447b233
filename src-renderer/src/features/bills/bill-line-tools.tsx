import { useState } from 'react'
import { Button, Group, Paper, Select, Text } from '@mantine/core'
import { IconArrowBackUp, IconCopy, IconTrash, IconTransfer } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BillDetail } from '../../../../src-shared/schemas/bills'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Another open bill of the same account, where selected lines may go. */
function TargetSelect(props: {
  bill: BillDetail
  value: string | null
  onChange: (v: string | null) => void
}) {
  const { bill } = props
  const { t } = useTranslation()
  const open = useChannelQuery(
    'bills:openOfAccount',
    { accountId: bill.accountId ?? 0 },
    { enabled: bill.accountId !== null },
  )
  const options = (open.data ?? [])
    .filter((row) => row.id !== bill.id)
    .map((row) => ({ value: String(row.id), label: `${row.number} (${row.total} €)` }))
  return (
    <Select
      aria-label={t('bills.lineTools.target')}
      placeholder={options.length ? t('bills.lineTools.target') : t('bills.lineTools.noTarget')}
      data={options}
      value={props.value}
      onChange={props.onChange}
      disabled={!options.length}
      w={240}
    />
  )
}

/**
 * What can be done with selected lines (spec 6.12 and 13): on an open bill, undo their billing
 * (the orders bill that time again), remove them, or move them; from any bill, copy them.
 */
export function BillLineTools(props: { bill: BillDetail; lineIds: number[]; onDone: () => void }) {
  const { bill, lineIds, onDone } = props
  const { t } = useTranslation()
  const [target, setTarget] = useState<string | null>(null)
  const undo = useChannelMutation('billLines:deleteWithUndo')
  const remove = useChannelMutation('billLines:delete')
  const move = useChannelMutation('billLines:updateBill')
  const copy = useChannelMutation('billLines:createCopies')
  const count = lineIds.length
  const after = (action: 'undo' | 'remove' | 'move' | 'copy') => ({
    onSuccess: () => {
      notifySuccess(t(`bills.lineTools.${action}Done`, { count }))
      onDone()
    },
    onError: (error: Error) => notifyFailure(t(`bills.lineTools.${action}`), error),
  })
  const toBillId = Number(target)

  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('bills.lineTools.selected', { count })}
        </Text>
        {bill.isOpen && (
          <>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} />}
              loading={undo.isPending}
              onClick={() => undo.mutate({ lineIds }, after('undo'))}
            >
              {t('bills.lineTools.undo')}
            </Button>
            <Button
              size="xs"
              variant="default"
              color="red"
              leftSection={<IconTrash size={14} />}
              loading={remove.isPending}
              onClick={() => remove.mutate({ lineIds }, after('remove'))}
            >
              {t('bills.lineTools.remove')}
            </Button>
          </>
        )}
        <TargetSelect bill={bill} value={target} onChange={setTarget} />
        {bill.isOpen && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconTransfer size={14} />}
            disabled={!toBillId}
            loading={move.isPending}
            onClick={() => move.mutate({ lineIds, toBillId }, after('move'))}
          >
            {t('bills.lineTools.move')}
          </Button>
        )}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconCopy size={14} />}
          disabled={!toBillId}
          loading={copy.isPending}
          onClick={() => copy.mutate({ lineIds, toBillId }, after('copy'))}
        >
          {t('bills.lineTools.copy')}
        </Button>
      </Group>
    </Paper>
  )
}
