import { Stack, Text } from '@mantine/core'
import { isInternationalName, toUnicodeName } from '../../lib/domain-unicode'

/** A domain as people read it, with the `xn--` form servers use beneath when it differs. */
export function DomainName({ name, strong }: { name: string; strong?: boolean }) {
  if (!isInternationalName(name)) return <span>{name}</span>
  return (
    <Stack gap={0} component="span">
      <Text span fw={strong ? 600 : undefined} inherit>
        {toUnicodeName(name)}
      </Text>
      <Text span size="xs" c="dimmed" ff="monospace">
        {name}
      </Text>
    </Stack>
  )
}
