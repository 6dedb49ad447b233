import { Button } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Domain } from '../../../../src-shared/schemas/domains'
import { channelKey, useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { useReadOnly } from '../../hooks/use-read-only'
import { toUnicodeName } from '../../lib/domain-unicode'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { DomainDeleteSummary, useDomainDeletePreview } from './domain-delete-summary'

export function DeleteDomainButton({ domain }: { domain: Domain }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [opened, { open, close }] = useDisclosure(false)
  const remove = useChannelMutation('domains:delete')
  const preview = useDomainDeletePreview([domain.id], opened)
  const name = toUnicodeName(domain.name)

  const handleConfirm = () =>
    remove.mutate(
      { id: domain.id },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: channelKey('domains:get', { id: domain.id }) })
          notifySuccess(t('deleteDomain.done', { name }))
          navigate('/services/domains')
        },
        onError: (error) => notifyFailure(t('deleteDomain.confirm'), error),
      },
    )

  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={open}
        disabled={readOnly}
      >
        {t('deleteDomain.button')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        onConfirm={handleConfirm}
        loading={remove.isPending}
        confirmDisabled={!preview.isSuccess}
        title={t('deleteDomain.title', { name })}
        confirmLabel={t('deleteDomain.confirm')}
      >
        <DomainDeleteSummary preview={preview} />
      </ConfirmModal>
    </>
  )
}
