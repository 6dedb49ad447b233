import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { LogState } from '../../../../../src-shared/schemas/orchestration'

interface FailedLog {
  id: number
  state: LogState
  /** The backend's label, as the operator knows it. */
  backend: string
  serverName: string
}

/**
 * A red notification naming backend and server, with the way to the log. It stays until
 * closed: a failed change on a server must not slip by unnoticed.
 */
export function useFailureNotice() {
  const { t } = useTranslation()
  // The notification renders outside the router; the handler carries navigation in.
  const navigate = useNavigate()

  return useCallback(
    (log: FailedLog) => {
      const id = `log-failed-${log.id}`
      notifications.show({
        id,
        color: 'red',
        icon: <IconAlertTriangle size={18} />,
        autoClose: false,
        title: t('runs.failedTitle', { backend: log.backend, server: log.serverName }),
        message: (
          <Stack gap={6} align="flex-start">
            <Text size="sm">
              {t('runs.failedBody', { state: t(`logStates.${log.state}`), id: log.id })}
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              color="red"
              onClick={() => {
                notifications.hide(id)
                navigate(`/logs/${log.id}`)
              }}
            >
              {t('runs.openLog')}
            </Button>
          </Stack>
        ),
      })
    },
    [t, navigate],
  )
}
