import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react'
import { errorMessage } from '../api/errors'
import { i18next } from '../i18n'

export function notifySuccess(message: string) {
  notifications.show({ message, color: 'teal', icon: <IconCheck size={18} /> })
}

/** A failed operation, named by what the user tried to do. */
export function notifyFailure(action: string, error: unknown) {
  notifications.show({
    title: i18next.t('errors.actionFailed', { action }),
    message: errorMessage(error),
    color: 'red',
    icon: <IconAlertTriangle size={18} />,
    autoClose: 8000,
  })
}
