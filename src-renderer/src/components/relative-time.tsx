import { Text, Tooltip } from '@mantine/core'
import { formatDateTime, formatRelative } from '../lib/dates'

/** "5 minutes ago", with the exact date and time on hover and for screen readers. */
export function RelativeTime({ value, size = 'sm' }: { value: string; size?: string }) {
  const exact = formatDateTime(value)

  return (
    <Tooltip label={exact} openDelay={300}>
      <Text component="time" dateTime={value} size={size} style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(value)}
      </Text>
    </Tooltip>
  )
}
