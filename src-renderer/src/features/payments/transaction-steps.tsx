import { useState, type ReactNode } from 'react'
import { Anchor, Group, List, Modal, Stack, Text, Button } from '@mantine/core'
import {
  IconCircleCheck,
  IconCircleX,
  IconFileCode,
  IconRepeat,
  IconShieldCheck,
  type Icon,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type {
  ProcessRow,
  TransactionAction,
  TransactionRow,
} from '../../../../src-shared/schemas/payments'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { DownloadProcessButton } from './process-download'

/** Each manual step's icon and colour, for the rows' buttons and the bulk bar alike. */
export const STEP_LOOKS: Record<TransactionAction, { icon: Icon; color?: string }> = {
  process: { icon: IconFileCode },
  markExecuted: { icon: IconCircleCheck },
  markSecured: { icon: IconShieldCheck, color: 'green' },
  reject: { icon: IconCircleX, color: 'red' },
  reissue: { icon: IconRepeat },
}

/** What processing made: one bank file per kind, each to open or download at once. */
function ProcessesMadeModal(props: { processes: ProcessRow[] | null; onClose: () => void }) {
  const { t } = useTranslation()
  const processes = props.processes ?? []
  return (
    <Modal
      opened={props.processes !== null}
      onClose={props.onClose}
      title={t('payments.steps.processedTitle', { count: processes.length })}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">{t('payments.steps.processedIntro')}</Text>
        <List spacing="sm" aria-label={t('payments.steps.processedList')}>
          {processes.map((process) => (
            <List.Item key={process.id}>
              <Group gap="sm">
                <Anchor component={Link} to={`/billing/processes/${process.id}`} fw={600}>
                  {t('payments.processes.name', { id: process.id })}
                </Anchor>
                <Text size="sm">
                  {t(`payments.processKinds.${process.kind}`)} ·{' '}
                  {t('payments.processes.summary', {
                    count: process.transactions,
                    amount: process.amount,
                  })}
                </Text>
                <DownloadProcessButton processId={process.id} size="xs" />
              </Group>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** What a step needs of a transaction: which one, and the version the clerk saw. */
type Stepped = Pick<TransactionRow, 'id' | 'version'>

/**
 * The manual steps of spec 9.2 on some transactions: processing makes bank files (shown
 * once made), rejecting asks first, the others run at once. `modals` goes in the page.
 */
export function useTransactionSteps() {
  const { t } = useTranslation()
  const setState = useChannelMutation('transactions:setState')
  const processIt = useChannelMutation('paymentProcesses:create')
  const reissue = useChannelMutation('transactions:createReissue')
  const [made, setMade] = useState<ProcessRow[] | null>(null)
  const [rejecting, setRejecting] = useState<{ rows: Stepped[]; done?: () => void } | null>(null)

  const fail = (action: TransactionAction) => (error: unknown) =>
    notifyFailure(t(`payments.steps.${action}`), error)
  // The versions seen go along: a transaction changed meanwhile is refused, not stepped on.
  const changeState = (
    action: 'markExecuted' | 'markSecured' | 'reject',
    rows: Stepped[],
    done?: () => void,
  ) =>
    setState.mutate(
      { ids: rows.map((row) => row.id), versions: rows.map((row) => row.version), action },
      {
        onSuccess: ({ changed }) => {
          notifySuccess(t(`payments.steps.done.${action}`, { count: changed }))
          setRejecting(null)
          done?.()
        },
        onError: fail(action),
      },
    )

  const run = (action: TransactionAction, rows: Stepped[], done?: () => void) => {
    const ids = rows.map((row) => row.id)
    if (action === 'reject') return setRejecting({ rows, done })
    if (action === 'markExecuted' || action === 'markSecured') {
      return changeState(action, rows, done)
    }
    if (action === 'reissue') {
      return reissue.mutate(
        { id: ids[0]! },
        {
          onSuccess: (row) => {
            notifySuccess(t('payments.steps.done.reissue', { id: row.id, bill: row.billNumber }))
            done?.()
          },
          onError: fail(action),
        },
      )
    }
    processIt.mutate(
      { transactionIds: ids },
      {
        onSuccess: ({ processes }) => {
          setMade(processes)
          done?.()
        },
        onError: fail(action),
      },
    )
  }

  const modals: ReactNode = (
    <>
      <ProcessesMadeModal processes={made} onClose={() => setMade(null)} />
      <ConfirmModal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        onConfirm={() => rejecting && changeState('reject', rejecting.rows, rejecting.done)}
        title={t('payments.steps.rejectTitle', { count: rejecting?.rows.length ?? 0 })}
        confirmLabel={t('payments.steps.reject')}
        loading={setState.isPending}
      >
        <Text size="sm">{t('payments.steps.rejectExplain')}</Text>
      </ConfirmModal>
    </>
  )
  const pending = setState.isPending || processIt.isPending || reissue.isPending
  return { run, pending, modals }
}
