import { Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** An object's fields as label and value, two columns wide. */
export function DetailList({ items, note }: { items: [string, ReactNode][]; note?: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {items.map(([label, value]) => (
            <Stack key={label} gap={2}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {label}
              </Text>
              <Text size="sm" component="div">
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
