import { useState } from 'react'
import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useChannelMutation } from '../../api/queries'
import {
  BulkActionBar,
  BulkActiveButtons,
  BulkDeleteButton,
} from '../../components/bulk-action-bar'
import { ConfirmModal } from '../../components/confirm-modal'
import type { Selection } from '../../hooks/use-selection'
import { notifyFailure, notifySuccess } from '../../lib/notify'

function BulkDeleteModal(props: { ids: number[]; onDone: () => void; onClose: () => void }) {
  const { ids, onDone, onClose } = props
  const { t } = useTranslation()
  const remove = useChannelMutation('mailingLists:delete')
  const handleConfirm = () =>
    remove.mutate(
      { ids },
      {
        onSuccess: ({ deleted }) => {
          notifySuccess(t('mailingLists.bulk.deleted', { count: deleted }))
          onDone()
          onClose()
        },
        onError: (error) => notifyFailure(t('mailingLists.bulk.delete'), error),
      },
    )
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      onConfirm={handleConfirm}
      loading={remove.isPending}
      title={t('mailingLists.bulk.deleteTitle', { count: ids.length })}
      confirmLabel={t('mailingLists.bulk.delete')}
    >
      <Text size="sm">{t('mailingLists.deleteHint')}</Text>
    </ConfirmModal>
  )
}

function ActiveButtons({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const { t } = useTranslation()
  const setActive = useChannelMutation('mailingLists:setActive')
  const handle = (active: boolean) =>
    setActive.mutate(
      { ids, active },
      {
        onSuccess: ({ changed }) => {
          const key = active ? 'mailingLists.bulk.enabled' : 'mailingLists.bulk.disabled'
          notifySuccess(t(key, { count: changed }))
          onDone()
        },
        onError: (error) => notifyFailure(t('mailingLists.bulk.setActive'), error),
      },
    )
  return (
    <BulkActiveButtons
      enableLabel={t('mailingLists.bulk.enable')}
      disableLabel={t('mailingLists.bulk.disable')}
      onSetActive={handle}
      loading={setActive.isPending}
    />
  )
}

/** Enable, disable or delete the selected lists; deleting asks first. */
export function ListBulkBar<Row extends { id: number }>({
  selection,
}: {
  selection: Selection<Row>
}) {
  const { t } = useTranslation()
  const [deleting, setDeleting] = useState(false)
  const ids = selection.rows.map((row) => row.id)

  return (
    <>
      <BulkActionBar
        count={selection.count}
        label={t('mailingLists.bulk.label')}
        selected={t('mailingLists.bulk.selected', { count: selection.count })}
        clearLabel={t('mailingLists.bulk.clear')}
        onClear={selection.clear}
      >
        <ActiveButtons ids={ids} onDone={selection.clear} />
        <BulkDeleteButton onClick={() => setDeleting(true)}>
          {t('mailingLists.bulk.delete')}
        </BulkDeleteButton>
      </BulkActionBar>
      {deleting && (
        <BulkDeleteModal ids={ids} onDone={selection.clear} onClose={() => setDeleting(false)} />
      )}
    </>
  )
}
