import { useEffect, useRef } from 'react'
import { Code, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface OutputBlockProps {
  title: string
  text: string
  /** Shown when the text is empty. */
  empty: string
  color?: string
  /** Follows the end while output is arriving. */
  live?: boolean
}

/** A script or its output: monospace, kept as it is, scrolled when long. */
export function OutputBlock({ title, text, empty, color, live }: OutputBlockProps) {
  const { t } = useTranslation()
  const viewport = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (live) viewport.current?.scrollTo({ top: viewport.current.scrollHeight })
  }, [live, text])

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={4}>
          {title}
          {live && (
            <Text span size="sm" c="blue" ml="sm" fw={400}>
              {t('log.live')}
            </Text>
          )}
        </Title>
        {text ? (
          <ScrollArea.Autosize mah={480} type="auto" viewportRef={viewport}>
            <Code
              block
              c={color}
              fz="xs"
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            >
              {text}
            </Code>
          </ScrollArea.Autosize>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {empty}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
