import { useState } from 'react'
import { ActionBar, Button, Text } from '@mantine/core'
import { IconCircleCheck, IconCircleOff, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import type { Selection } from '../../hooks/use-selection'
import { useReadOnly } from '../../hooks/use-read-only'
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
  const readOnly = useReadOnly()
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
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconCircleCheck size={14} />}
        onClick={() => handle(true)}
        disabled={readOnly}
      >
        {t('mail.bulk.enable')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="orange"
        leftSection={<IconCircleOff size={14} />}
        onClick={() => handle(false)}
        disabled={readOnly}
      >
        {t('mail.bulk.disable')}
      </Button>
    </>
  )
}

/** Enable, disable (mailboxes) or delete the selected rows; deleting asks first. */
export function MailBulkBar<Row extends { id: number }>(props: {
  kind: Kind
  selection: Selection<Row>
}) {
  const { kind, selection } = props
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [deleting, setDeleting] = useState(false)
  const ids = selection.rows.map((row) => row.id)

  return (
    <>
      <ActionBar opened={selection.count > 0} aria-label={t('mail.bulk.label')} shadow="lg">
        <Text size="sm" fw={600} px="xs">
          {t('mail.bulk.selected', { count: selection.count })}
        </Text>
        <ActionBar.Divider />
        {kind === 'mailboxes' && <ActiveButtons ids={ids} onDone={selection.clear} />}
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => setDeleting(true)}
          disabled={readOnly}
        >
          {t('mail.bulk.delete')}
        </Button>
        <ActionBar.Divider />
        <Button size="xs" variant="subtle" color="gray" onClick={selection.clear}>
          {t('mail.bulk.clear')}
        </Button>
      </ActionBar>
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
