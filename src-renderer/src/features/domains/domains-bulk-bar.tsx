import { useState } from 'react'
import { IconClockEdit, IconEdit } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { DomainRow } from '../../../../src-shared/schemas/domains'
import { useChannelMutation } from '../../api/queries'
import { BulkActionBar, BulkButton, BulkDeleteButton } from '../../components/bulk-action-bar'
import { ConfirmModal } from '../../components/confirm-modal'
import type { Selection } from '../../hooks/use-selection'
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
  const navigate = useNavigate()
  const [pending, setPending] = useState<'soa' | 'delete' | null>(null)
  const count = selection.count
  const ids = selection.rows.map((row) => row.id).join(',')

  return (
    <>
      <BulkActionBar
        count={count}
        label={t('domains.bulk.label')}
        selected={t('domains.bulk.selected', { count })}
        clearLabel={t('domains.bulk.clear')}
        onClear={selection.clear}
      >
        <BulkButton
          icon={<IconEdit size={14} />}
          onClick={() => navigate(`/services/domains/edit-records?ids=${ids}`)}
        >
          {t('domains.bulk.editRecords')}
        </BulkButton>
        <BulkButton icon={<IconClockEdit size={14} />} onClick={() => setPending('soa')}>
          {t('domains.bulk.setSoa')}
        </BulkButton>
        <BulkDeleteButton onClick={() => setPending('delete')}>
          {t('domains.bulk.delete')}
        </BulkDeleteButton>
      </BulkActionBar>
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
