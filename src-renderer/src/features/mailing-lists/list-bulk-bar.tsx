import { useState } from 'react'
import { ActionBar, Button, Text } from '@mantine/core'
import { IconCircleCheck, IconCircleOff, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { useReadOnly } from '../../hooks/use-read-only'
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
  const readOnly = useReadOnly()
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
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconCircleCheck size={14} />}
        onClick={() => handle(true)}
        disabled={readOnly}
      >
        {t('mailingLists.bulk.enable')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="orange"
        leftSection={<IconCircleOff size={14} />}
        onClick={() => handle(false)}
        disabled={readOnly}
      >
        {t('mailingLists.bulk.disable')}
      </Button>
    </>
  )
}

/** Enable, disable or delete the selected lists; deleting asks first. */
export function ListBulkBar<Row extends { id: number }>({
  selection,
}: {
  selection: Selection<Row>
}) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [deleting, setDeleting] = useState(false)
  const ids = selection.rows.map((row) => row.id)

  return (
    <>
      <ActionBar opened={selection.count > 0} aria-label={t('mailingLists.bulk.label')} shadow="lg">
        <Text size="sm" fw={600} px="xs">
          {t('mailingLists.bulk.selected', { count: selection.count })}
        </Text>
        <ActionBar.Divider />
        <ActiveButtons ids={ids} onDone={selection.clear} />
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => setDeleting(true)}
          disabled={readOnly}
        >
          {t('mailingLists.bulk.delete')}
        </Button>
        <ActionBar.Divider />
        <Button size="xs" variant="subtle" color="gray" onClick={selection.clear}>
          {t('mailingLists.bulk.clear')}
        </Button>
      </ActionBar>
      {deleting && (
        <BulkDeleteModal ids={ids} onDone={selection.clear} onClose={() => setDeleting(false)} />
      )}
    </>
  )
}
