import { Button, Code, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { useClipboard } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { IconBug, IconCheck, IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, isRouteErrorResponse, useLocation, useRouteError } from 'react-router-dom'
import type { AppInfo } from '../../../src-shared/schemas/app'
import { channelKey } from '../api/queries'

function describeError(error: unknown): { summary: string; stack: string } {
  if (isRouteErrorResponse(error)) {
    return { summary: `${error.status} ${error.statusText}`, stack: '' }
  }
  if (error instanceof Error) {
    return { summary: `${error.name}: ${error.message}`, stack: error.stack ?? '' }
  }
  return { summary: String(error), stack: '' }
}

/** Shown when a page crashes: what happened, and details the user can paste into a report. */
export function RouteErrorScreen() {
  const { t } = useTranslation()
  const error = useRouteError()
  const location = useLocation()
  const clipboard = useClipboard({ timeout: 2000 })
  // Read from the cache only: the screen must not depend on the core answering.
  const info = useQueryClient().getQueryData<AppInfo>(channelKey('app:info', {}))
  const { summary, stack } = describeError(error)
  const details = [
    summary,
    `Version: ${info ? `${info.name} ${info.version}` : 'unknown'}`,
    `Route: ${location.pathname}${location.search}`,
    `Time: ${new Date().toISOString()}`,
    `Agent: ${navigator.userAgent}`,
    stack,
  ].join('\n')

  return (
    <Paper withBorder p="xl" maw={760} mx="auto" mt="xl" role="alert">
      <Stack gap="md">
        <Group gap="sm">
          <IconBug size={28} color="var(--mantine-color-red-6)" />
          <Title order={3}>{t('errors.title')}</Title>
        </Group>
        <Text c="dimmed">{t('errors.body')}</Text>
        <ScrollArea.Autosize mah={220}>
          <Code block>{details}</Code>
        </ScrollArea.Autosize>
        <Group gap="sm">
          <Button
            leftSection={clipboard.copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            onClick={() => clipboard.copy(details)}
          >
            {clipboard.copied ? t('errors.copied') : t('errors.copy')}
          </Button>
          <Button variant="default" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
          <Button variant="subtle" component={Link} to="/">
            {t('errors.home')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
