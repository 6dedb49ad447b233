import { useState } from 'react'
import { List, Text } from '@mantine/core'
import { IconFileInvoice, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { AccountRow } from '../../../../src-shared/schemas/accounts'
import { useChannelMutation } from '../../api/queries'
import { BulkActionBar, BulkButton } from '../../components/bulk-action-bar'
import { ConfirmModal } from '../../components/confirm-modal'
import type { Selection } from '../../hooks/use-selection'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { RUN_PATH, type RunStart } from '../bills/run-start'

const LISTED = 15

function SelectedList({ rows }: { rows: AccountRow[] }) {
  return (
    <List size="sm" spacing={2}>
      {rows.slice(0, LISTED).map((row) => (
        <List.Item key={row.id}>
          <Text span fw={600} size="sm">
            {row.username}
          </Text>{' '}
          <Text span c="dimmed" size="sm">
            {row.fullName}
          </Text>
        </List.Item>
      ))}
      {rows.length > LISTED && <List.Item>…</List.Item>}
    </List>
  )
}

/** Disable or enable the selected accounts, after a confirmation that names them. */
export function AccountsBulkBar({ selection }: { selection: Selection<AccountRow> }) {
  const { t } = useTranslation()
  const [pending, setPending] = useState<'disable' | 'enable' | null>(null)
  const setActive = useChannelMutation('accounts:setActive')
  const count = selection.count
  const navigate = useNavigate()
  const handleBill = () => {
    const start: RunStart = {
      accounts: selection.rows.map((row) => ({ value: String(row.id), label: row.username })),
    }
    void navigate(RUN_PATH, { state: start })
  }

  const handleConfirm = () => {
    if (!pending) return
    const action = pending
    setActive.mutate(
      { ids: selection.rows.map((row) => row.id), active: action === 'enable' },
      {
        onSuccess: () => {
          const key = action === 'enable' ? 'accounts.bulk.doneEnable' : 'accounts.bulk.doneDisable'
          notifySuccess(t(key, { count }))
          selection.clear()
          setPending(null)
        },
        onError: (error) => notifyFailure(t(`accounts.bulk.${action}`), error),
      },
    )
  }

  return (
    <>
      <BulkActionBar
        count={count}
        label={t('accounts.bulk.label')}
        selected={t('accounts.bulk.selected', { count })}
        clearLabel={t('accounts.bulk.clear')}
        onClear={selection.clear}
      >
        <BulkButton icon={<IconFileInvoice size={14} />} onClick={handleBill}>
          {t('bills.run.billAccounts')}
        </BulkButton>
        <BulkButton
          color="red"
          icon={<IconPlayerPause size={14} />}
          onClick={() => setPending('disable')}
        >
          {t('accounts.bulk.disable')}
        </BulkButton>
        <BulkButton
          color="teal"
          icon={<IconPlayerPlay size={14} />}
          onClick={() => setPending('enable')}
        >
          {t('accounts.bulk.enable')}
        </BulkButton>
      </BulkActionBar>
      <ConfirmModal
        opened={pending !== null}
        onClose={() => setPending(null)}
        onConfirm={handleConfirm}
        loading={setActive.isPending}
        color={pending === 'enable' ? 'teal' : 'red'}
        title={
          pending === 'enable'
            ? t('accounts.bulk.confirmEnableTitle')
            : t('accounts.bulk.confirmDisableTitle')
        }
        confirmLabel={pending === 'enable' ? t('accounts.bulk.enable') : t('accounts.bulk.disable')}
      >
        <Text size="sm">
          {pending === 'enable'
            ? t('accounts.bulk.confirmEnable', { count })
            : t('accounts.bulk.confirmDisable', { count })}
        </Text>
        <SelectedList rows={selection.rows} />
      </ConfirmModal>
    </>
  )
}
