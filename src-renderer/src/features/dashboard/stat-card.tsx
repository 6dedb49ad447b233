import type { ReactNode } from 'react'
import { Group, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { Link } from 'react-router-dom'

interface StatCardProps {
  label: string
  value: number
  detail: string
  icon: ReactNode
  to: string
}

export function StatCard({ label, value, detail, icon, to }: StatCardProps) {
  return (
    <UnstyledButton component={Link} to={to} aria-label={`${label}: ${value}`}>
      <Paper withBorder p="lg" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Text size="sm" c="dimmed" fw={500}>
              {label}
            </Text>
            <Text fz={32} fw={700} lh={1}>
              {value.toLocaleString()}
            </Text>
            <Text size="sm" c="dimmed">
              {detail}
            </Text>
          </Stack>
          <ThemeIcon size={44} radius="md" variant="light">
            {icon}
          </ThemeIcon>
        </Group>
      </Paper>
    </UnstyledButton>
  )
}
