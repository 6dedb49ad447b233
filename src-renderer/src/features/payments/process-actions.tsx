import { useState } from 'react'
import { Button, Text } from '@mantine/core'
import {
  IconCircleCheck,
  IconCircleX,
  IconShieldCheck,
  IconTrash,
  type Icon,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { ProcessAction, ProcessDetail } from '../../../../src-shared/schemas/payments'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'

const LOOKS: Record<ProcessAction, { icon: Icon; color: string; variant: string }> = {
  markExecuted: { icon: IconCircleCheck, color: 'indigo', variant: 'light' },
  commit: { icon: IconShieldCheck, color: 'green', variant: 'light' },
  abort: { icon: IconCircleX, color: 'red', variant: 'light' },
  delete: { icon: IconTrash, color: 'red', variant: 'subtle' },
}

// The order the buttons read in: the way forward first, then the ways out. The first one
// the state allows is the next step, and stands out.
const ORDER: ProcessAction[] = ['markExecuted', 'commit', 'abort', 'delete']

/**
 * A process's steps by state (spec 9.3), each confirmed with what becomes of its
 * transactions; deleting leaves for the list, since the process is gone.
 */
export function ProcessActions({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const readOnly = useReadOnly()
  const [asking, setAsking] = useState<ProcessAction | null>(null)
  const setState = useChannelMutation('paymentProcesses:setState')
  const remove = useChannelMutation('paymentProcesses:delete')
  const name = t('payments.processes.name', { id: process.id })
  const available = ORDER.filter((action) => process.actions.includes(action))
  if (readOnly) return null

  const handleConfirm = () => {
    if (!asking) return
    const label = t(`payments.processActions.${asking}`)
    const onError = (error: unknown) => notifyFailure(label, error)
    if (asking === 'delete') {
      return remove.mutate(
        { id: process.id, version: process.version },
        {
          onSuccess: () => {
            setAsking(null)
            notifySuccess(t('payments.processActions.done.delete', { name }))
            navigate('/billing/processes')
          },
          onError,
        },
      )
    }
    const action = asking
    setState.mutate(
      { id: process.id, version: process.version, action },
      {
        onSuccess: () => {
          setAsking(null)
          notifySuccess(t(`payments.processActions.done.${action}`, { name }))
        },
        onError,
      },
    )
  }

  return (
    <>
      {available.map((action, index) => {
        const { icon: ActionIcon, color, variant } = LOOKS[action]
        return (
          <Button
            key={action}
            color={color}
            variant={index === 0 ? 'filled' : variant}
            leftSection={<ActionIcon size={16} />}
            onClick={() => setAsking(action)}
          >
            {t(`payments.processActions.${action}`)}
          </Button>
        )
      })}
      <ConfirmModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        onConfirm={handleConfirm}
        title={asking && t(`payments.processActions.titles.${asking}`, { name })}
        confirmLabel={asking ? t(`payments.processActions.${asking}`) : ''}
        color={asking ? LOOKS[asking].color : undefined}
        loading={setState.isPending || remove.isPending}
      >
        <Text size="sm">
          {asking &&
            t(`payments.processActions.explain.${asking}`, { count: process.transactions })}
        </Text>
      </ConfirmModal>
    </>
  )
}
