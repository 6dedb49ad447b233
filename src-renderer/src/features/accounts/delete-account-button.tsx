import { Button, Loader } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Account } from '../../../../src-shared/schemas/accounts'
import { channelKey, useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { QueryError } from '../../components/query-error'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { DeleteAccountPreview } from './delete-account-preview'
import { useReadOnly } from '../../hooks/use-read-only'

export function DeleteAccountButton({ account }: { account: Account }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [opened, { open, close }] = useDisclosure(false)
  const remove = useChannelMutation('accounts:delete')
  // Asked for on opening, so the list reflects the account as it is now.
  const preview = useChannelQuery('accounts:deletePreview', { id: account.id }, { enabled: opened })
  const blocked = (preview.data?.blockers.length ?? 0) > 0

  const handleConfirm = () =>
    remove.mutate(
      { id: account.id },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: channelKey('accounts:get', { id: account.id }) })
          notifySuccess(t('deleteAccount.done', { username: account.username }))
          navigate('/accounts')
        },
        onError: (error) => notifyFailure(t('deleteAccount.confirm'), error),
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
        {t('deleteAccount.button')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        onConfirm={handleConfirm}
        loading={remove.isPending}
        confirmDisabled={!preview.data || blocked}
        title={t('deleteAccount.title', { username: account.username })}
        confirmLabel={t('deleteAccount.confirm')}
      >
        {preview.isPending && <Loader size="sm" />}
        {preview.isError && (
          <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
        )}
        {preview.data && <DeleteAccountPreview preview={preview.data} />}
      </ConfirmModal>
    </>
  )
}
