import { useState } from 'react'
import { ActionBar, Button, List, Text } from '@mantine/core'
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AccountRow } from '../../../../src-shared/schemas/accounts'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import type { Selection } from '../../hooks/use-selection'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { useReadOnly } from '../../hooks/use-read-only'

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
  const readOnly = useReadOnly()
  const [pending, setPending] = useState<'disable' | 'enable' | null>(null)
  const setActive = useChannelMutation('accounts:setActive')
  const count = selection.count

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
      <ActionBar opened={count > 0} aria-label={t('accounts.bulk.label')} shadow="lg">
        <Text size="sm" fw={600} px="xs">
          {t('accounts.bulk.selected', { count })}
        </Text>
        <ActionBar.Divider />
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconPlayerPause size={14} />}
          onClick={() => setPending('disable')}
          disabled={readOnly}
        >
          {t('accounts.bulk.disable')}
        </Button>
        <Button
          size="xs"
          variant="light"
          color="teal"
          leftSection={<IconPlayerPlay size={14} />}
          onClick={() => setPending('enable')}
          disabled={readOnly}
        >
          {t('accounts.bulk.enable')}
        </Button>
        <ActionBar.Divider />
        <Button size="xs" variant="subtle" color="gray" onClick={selection.clear}>
          {t('accounts.bulk.clear')}
        </Button>
      </ActionBar>
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
