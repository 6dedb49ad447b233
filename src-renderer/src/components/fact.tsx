import type { ReactNode } from 'react'
import { Stack, Text } from '@mantine/core'

/** One labelled value of a detail page's summary: a small capital label above the value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  )
}
