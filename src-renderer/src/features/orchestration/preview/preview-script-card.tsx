import { Badge, Code, Group, List, Paper, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PreviewScript } from '../../../../../src-shared/schemas/orchestration'
import { useBackendLabel } from '../common/use-options'

/** One server's script: where it goes, what it does, and the script itself. */
export function PreviewScriptCard({ script }: { script: PreviewScript }) {
  const { t } = useTranslation()
  const backendLabel = useBackendLabel()
  const title = t('preview.scriptTitle', {
    backend: backendLabel(script.backend),
    server: script.serverName,
  })

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={600} size="sm" truncate>
            {script.serverName}
            {script.serverAddress !== script.serverName && (
              <Text span c="dimmed" size="sm" ml={6}>
                {script.serverAddress}
              </Text>
            )}
          </Text>
          <Badge variant="light" tt="none">
            {backendLabel(script.backend)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('preview.operations', { count: script.action.length })}
        </Text>
        <List size="sm" spacing={2}>
          {script.action.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('preview.script')}
        </Text>
        <ScrollArea.Autosize mah={280} type="auto">
          <Code block fz="xs" style={{ whiteSpace: 'pre' }}>
            {script.script}
          </Code>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  )
}
