import type { ReactNode } from 'react'
import { Alert, Stack, Text } from '@mantine/core'
import { IconGitMerge } from '@tabler/icons-react'

interface ConflictAlertProps {
  title: string
  body: string
  /** E.g. a button that loads the latest version. */
  action?: ReactNode
}

/** An edit refused because someone else saved the same object first. */
export function ConflictAlert({ title, body, action }: ConflictAlertProps) {
  return (
    <Alert color="orange" icon={<IconGitMerge />} title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{body}</Text>
        {action}
      </Stack>
    </Alert>
  )
}
