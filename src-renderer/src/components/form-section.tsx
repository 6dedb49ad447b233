import type { ReactNode } from 'react'
import { Paper, Stack, Text, Title } from '@mantine/core'

interface FormSectionProps {
  title: string
  description?: string
  children: ReactNode
}

/** One titled block of a long form. */
export function FormSection({ title, description, children }: FormSectionProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={4}>{title}</Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  )
}
