import type { ReactNode } from 'react'
import { Button, type ButtonProps } from '@mantine/core'
import { Link } from 'react-router-dom'
import { useReadOnly } from '../hooks/use-read-only'

interface WriteLinkButtonProps extends ButtonProps {
  to: string
  children: ReactNode
}

/**
 * A button that opens a form that changes data. On a read-only database it is a disabled
 * button instead: a link cannot be disabled, and the form could only be refused.
 */
export function WriteLinkButton({ to, ...props }: WriteLinkButtonProps) {
  if (useReadOnly()) return <Button {...props} disabled />
  return <Button component={Link} to={to} {...props} />
}
