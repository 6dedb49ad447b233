import { Button } from '@mantine/core'
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelMutation } from '../../api/queries'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'

interface SetActiveProps {
  channel: 'vps:setActive' | 'miscellaneous:setActive'
  id: number
  name: string
  active: boolean
}

/** Enable enables and Disable disables (the original's "enable" disabled, spec 15.3). */
export function SetActiveButton({ channel, id, name, active }: SetActiveProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const change = useChannelMutation(channel)
  const label = active
    ? t('otherServices.vps.setActive.disable')
    : t('otherServices.vps.setActive.enable')

  const handleClick = () =>
    change.mutate(
      { ids: [id], active: !active },
      {
        onSuccess: () =>
          notifySuccess(
            t(
              active
                ? 'otherServices.vps.setActive.disabled'
                : 'otherServices.vps.setActive.enabled',
              {
                name,
              },
            ),
          ),
        onError: (error) => notifyFailure(label, error),
      },
    )

  return (
    <Button
      variant="default"
      leftSection={active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
      loading={change.isPending}
      disabled={readOnly}
      onClick={handleClick}
    >
      {label}
    </Button>
  )
}
