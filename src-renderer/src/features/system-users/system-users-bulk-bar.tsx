import { useState } from 'react'
import { Alert, Stack, Text } from '@mantine/core'
import { IconLock, IconLockOpen } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SystemUserRow } from '../../../../src-shared/schemas/system-users'
import { useChannelMutation } from '../../api/queries'
import { BulkActionBar, BulkButton, BulkDeleteButton } from '../../components/bulk-action-bar'
import { ConfirmModal } from '../../components/confirm-modal'
import type { Selection } from '../../hooks/use-selection'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** The selected users go, unless an account's main or CGI user is among them: then none. */
function BulkDeleteModal(props: { selection: Selection<SystemUserRow>; onClose: () => void }) {
  const { selection, onClose } = props
  const { t } = useTranslation()
  const remove = useChannelMutation('systemUsers:delete')
  const kept = selection.rows.filter((row) => row.role !== 'extra').map((row) => row.username)

  const handleConfirm = () =>
    remove.mutate(
      { ids: selection.rows.map((row) => row.id) },
      {
        onSuccess: ({ deleted }) => {
          notifySuccess(t('systemUsers.bulk.deleted', { count: deleted }))
          selection.clear()
          onClose()
        },
        onError: (error) => {
          onClose()
          notifyFailure(t('systemUsers.bulk.delete'), error)
        },
      },
    )

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      onConfirm={handleConfirm}
      loading={remove.isPending}
      title={t('systemUsers.bulk.deleteTitle', { count: selection.count })}
      confirmLabel={t('systemUsers.bulk.deleteConfirm')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('systemUsers.delete.intro')}</Text>
        {kept.length > 0 && (
          <Alert color="orange" title={t('systemUsers.bulk.refusedTitle')}>
            {t('systemUsers.bulk.refused', { names: kept.join(', ') })}
          </Alert>
        )}
      </Stack>
    </ConfirmModal>
  )
}

/** Disable, enable or delete the selected users. */
export function SystemUsersBulkBar({ selection }: { selection: Selection<SystemUserRow> }) {
  const { t } = useTranslation()
  const [deleting, setDeleting] = useState(false)
  const setActive = useChannelMutation('systemUsers:setActive')
  const count = selection.count

  const handleActive = (active: boolean) =>
    setActive.mutate(
      { ids: selection.rows.map((row) => row.id), active },
      {
        onSuccess: ({ changed }) => {
          const key = active ? 'systemUsers.bulk.enabled' : 'systemUsers.bulk.disabled'
          notifySuccess(t(key, { count: changed }))
          selection.clear()
        },
        onError: (error) => notifyFailure(t('systemUsers.bulk.label'), error),
      },
    )

  return (
    <>
      <BulkActionBar
        count={count}
        label={t('systemUsers.bulk.label')}
        selected={t('systemUsers.bulk.selected', { count })}
        clearLabel={t('systemUsers.bulk.clear')}
        onClear={selection.clear}
      >
        <BulkButton
          icon={<IconLock size={14} />}
          onClick={() => handleActive(false)}
          loading={setActive.isPending}
        >
          {t('systemUsers.bulk.disable')}
        </BulkButton>
        <BulkButton
          icon={<IconLockOpen size={14} />}
          onClick={() => handleActive(true)}
          loading={setActive.isPending}
        >
          {t('systemUsers.bulk.enable')}
        </BulkButton>
        <BulkDeleteButton onClick={() => setDeleting(true)}>
          {t('systemUsers.bulk.delete')}
        </BulkDeleteButton>
      </BulkActionBar>
      {deleting && <BulkDeleteModal selection={selection} onClose={() => setDeleting(false)} />}
    </>
  )
}
