import { useState } from 'react'
import { ActionBar, Button, Text } from '@mantine/core'
import { IconClockEdit, IconEdit, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { DomainRow } from '../../../../src-shared/schemas/domains'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import type { Selection } from '../../hooks/use-selection'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { DomainDeleteSummary, useDomainDeletePreview } from './domain-delete-summary'
import { DomainsSoaModal } from './domains-soa-modal'

function BulkDeleteModal(props: { selection: Selection<DomainRow>; onClose: () => void }) {
  const { selection, onClose } = props
  const { t } = useTranslation()
  const ids = selection.rows.map((row) => row.id)
  const preview = useDomainDeletePreview(ids, true)
  const remove = useChannelMutation('domains:deleteMany')

  const handleConfirm = () =>
    remove.mutate(
      { ids },
      {
        onSuccess: ({ deleted }) => {
          notifySuccess(t('domains.bulk.deleted', { count: deleted }))
          selection.clear()
          onClose()
        },
        onError: (error) => notifyFailure(t('domains.bulk.delete'), error),
      },
    )

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      onConfirm={handleConfirm}
      loading={remove.isPending}
      confirmDisabled={!preview.isSuccess}
      title={t('domains.bulk.deleteTitle', { count: ids.length })}
      confirmLabel={t('domains.bulk.deleteConfirm')}
    >
      <DomainDeleteSummary preview={preview} />
    </ConfirmModal>
  )
}

/** Set SOA timers on, or delete, the selected domains; each after a confirmation. */
export function DomainsBulkBar({ selection }: { selection: Selection<DomainRow> }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const [pending, setPending] = useState<'soa' | 'delete' | null>(null)
  const count = selection.count
  const ids = selection.rows.map((row) => row.id).join(',')

  return (
    <>
      <ActionBar opened={count > 0} aria-label={t('domains.bulk.label')} shadow="lg">
        <Text size="sm" fw={600} px="xs">
          {t('domains.bulk.selected', { count })}
        </Text>
        <ActionBar.Divider />
        <Button
          size="xs"
          variant="light"
          leftSection={<IconEdit size={14} />}
          onClick={() => navigate(`/services/domains/edit-records?ids=${ids}`)}
          disabled={readOnly}
        >
          {t('domains.bulk.editRecords')}
        </Button>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconClockEdit size={14} />}
          onClick={() => setPending('soa')}
          disabled={readOnly}
        >
          {t('domains.bulk.setSoa')}
        </Button>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => setPending('delete')}
          disabled={readOnly}
        >
          {t('domains.bulk.delete')}
        </Button>
        <ActionBar.Divider />
        <Button size="xs" variant="subtle" color="gray" onClick={selection.clear}>
          {t('domains.bulk.clear')}
        </Button>
      </ActionBar>
      <DomainsSoaModal
        rows={selection.rows}
        opened={pending === 'soa'}
        onClose={() => setPending(null)}
        onDone={selection.clear}
      />
      {pending === 'delete' && (
        <BulkDeleteModal selection={selection} onClose={() => setPending(null)} />
      )}
    </>
  )
}
