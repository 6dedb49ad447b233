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

type Kind = 'mailboxes' | 'mailAddresses'

function BulkDeleteModal(props: {
  kind: Kind
  ids: number[]
  onDone: () => void
  onClose: () => void
}) {
  const { kind, ids, onDone, onClose } = props
  const { t } = useTranslation()
  const remove = useChannelMutation(`${kind}:delete`)
  const handleConfirm = () =>
    remove.mutate(
      { ids },
      {
        onSuccess: ({ deleted }) => {
          notifySuccess(t(`mail.bulk.deleted.${kind}`, { count: deleted }))
          onDone()
          onClose()
        },
        onError: (error) => notifyFailure(t('mail.bulk.delete'), error),
      },
    )
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      onConfirm={handleConfirm}
      loading={remove.isPending}
      title={t(`mail.bulk.deleteTitle.${kind}`, { count: ids.length })}
      confirmLabel={t('mail.bulk.delete')}
    >
      <Text size="sm">{t(`mail.bulk.deleteHint.${kind}`)}</Text>
    </ConfirmModal>
  )
}

function ActiveButtons({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const { t } = useTranslation()
  const setActive = useChannelMutation('mailboxes:setActive')
  const handle = (isActive: boolean) =>
    setActive.mutate(
      { ids, active: isActive },
      {
        onSuccess: ({ changed }) => {
          notifySuccess(
            t(isActive ? 'mail.bulk.enabled' : 'mail.bulk.disabled', { count: changed }),
          )
          onDone()
        },
        onError: (error) => notifyFailure(t('mail.bulk.setActive'), error),
      },
    )
  return (
    <BulkActiveButtons
      enableLabel={t('mail.bulk.enable')}
      disableLabel={t('mail.bulk.disable')}
      onSetActive={handle}
      loading={setActive.isPending}
    />
  )
}

/** Enable, disable (mailboxes) or delete the selected rows; deleting asks first. */
export function MailBulkBar<Row extends { id: number }>(props: {
  kind: Kind
  selection: Selection<Row>
}) {
  const { kind, selection } = props
  const { t } = useTranslation()
  const [deleting, setDeleting] = useState(false)
  const ids = selection.rows.map((row) => row.id)

  return (
    <>
      <BulkActionBar
        count={selection.count}
        label={t('mail.bulk.label')}
        selected={t('mail.bulk.selected', { count: selection.count })}
        clearLabel={t('mail.bulk.clear')}
        onClear={selection.clear}
      >
        {kind === 'mailboxes' && <ActiveButtons ids={ids} onDone={selection.clear} />}
        <BulkDeleteButton onClick={() => setDeleting(true)}>
          {t('mail.bulk.delete')}
        </BulkDeleteButton>
      </BulkActionBar>
      {deleting && (
        <BulkDeleteModal
          kind={kind}
          ids={ids}
          onDone={selection.clear}
          onClose={() => setDeleting(false)}
        />
      )}
    </>
  )
}
