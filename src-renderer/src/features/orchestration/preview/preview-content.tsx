import { EmptyState, Stack, Text } from '@mantine/core'
import { IconSend2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { PreviewNotRouted } from './preview-not-routed'
import { PreviewScriptCard } from './preview-script-card'
import type { PreviewResult } from './use-preview'

/** What a change would send, per server and backend; nothing has been changed yet. */
export function PreviewContent({ result }: { result: PreviewResult }) {
  const { t } = useTranslation()
  const { scripts, notRouted } = result

  if (scripts.length === 0 && notRouted.length === 0) {
    return (
      <EmptyState
        py="lg"
        icon={<IconSend2 size={28} />}
        withIndicatorBackground
        title={t('preview.emptyTitle')}
        description={t('preview.emptyDescription')}
      />
    )
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('preview.summary', { count: scripts.length })}
      </Text>
      <PreviewNotRouted entries={notRouted} />
      {scripts.map((script) => (
        <PreviewScriptCard key={`${script.backend}:${script.serverName}`} script={script} />
      ))}
    </Stack>
  )
}
