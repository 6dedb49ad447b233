import { forwardRef } from 'react'
import { Button, Loader } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconRouteOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { RunStatus } from './run-status'

const LOOK: Record<RunStatus, { color: string; icon: React.ReactNode }> = {
  running: { color: 'blue', icon: <Loader size={12} color="blue" /> },
  failed: { color: 'red', icon: <IconAlertTriangle size={14} /> },
  notRouted: { color: 'yellow', icon: <IconRouteOff size={14} /> },
  sent: { color: 'teal', icon: <IconCircleCheck size={14} /> },
}

interface RunButtonProps {
  status: RunStatus
  count: number
  onClick: () => void
}

/** The header's word on the latest runs; opens the list of their logs. */
export const RunButton = forwardRef<HTMLButtonElement, RunButtonProps>(function RunButton(
  { status, count, onClick },
  ref,
) {
  const { t } = useTranslation()
  const look = LOOK[status]

  return (
    <Button
      ref={ref}
      size="compact-sm"
      variant="light"
      color={look.color}
      leftSection={look.icon}
      onClick={onClick}
      data-status={status}
    >
      {t(`runs.status.${status}`, { count })}
    </Button>
  )
})
