import { useState } from 'react'
import { Button, Group, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../src-shared/schemas/accounts'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { PreviewButton } from '../orchestration/preview/preview-button'
import { PreviewContent } from '../orchestration/preview/preview-content'
import { usePreview } from '../orchestration/preview/use-preview'
import { useReadOnly } from '../../hooks/use-read-only'

/** "Disable" for an active account, "Enable" for a disabled one; never both. */
export function SetActiveButton({ account }: { account: Account }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [opened, { open, close }] = useDisclosure(false)
  const setActive = useChannelMutation('accounts:setActive')
  // Fixed when the dialog opens, so its wording does not flip while it closes after success.
  const [enabling, setEnabling] = useState(!account.isActive)
  const { username } = account
  const preview = usePreview('accounts:setActive', (error) =>
    notifyFailure(t('preview.button'), error),
  )

  const handleOpen = () => {
    setEnabling(!account.isActive)
    preview.close()
    open()
  }

  const handleConfirm = () =>
    setActive.mutate(
      { ids: [account.id], active: enabling },
      {
        onSuccess: () => {
          close()
          const key = enabling ? 'account.enabledDone' : 'account.disabledDone'
          notifySuccess(t(key, { username }))
        },
        onError: (error) =>
          notifyFailure(enabling ? t('account.enable') : t('account.disable'), error),
      },
    )

  return (
    <>
      <Button
        variant="default"
        leftSection={
          account.isActive ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />
        }
        onClick={handleOpen}
        disabled={readOnly}
      >
        {account.isActive ? t('account.disable') : t('account.enable')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        onConfirm={handleConfirm}
        loading={setActive.isPending}
        color={enabling ? 'teal' : 'orange'}
        title={
          enabling
            ? t('account.enableTitle', { username })
            : t('account.disableTitle', { username })
        }
        confirmLabel={enabling ? t('account.enable') : t('account.disable')}
      >
        <Text size="sm">{enabling ? t('account.enableBody') : t('account.disableBody')}</Text>
        {preview.result ? (
          <PreviewContent result={preview.result} />
        ) : (
          <Group>
            <PreviewButton
              onClick={() => preview.run({ ids: [account.id], active: enabling })}
              loading={preview.pending}
            />
          </Group>
        )}
      </ConfirmModal>
    </>
  )
}
