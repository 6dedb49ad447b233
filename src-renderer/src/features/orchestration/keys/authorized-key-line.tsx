import { ActionIcon, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/** The line that goes into authorized_keys, to copy by hand where no password login exists. */
export function AuthorizedKeyLine({ line }: { line: string }) {
  const { t } = useTranslation()

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('keys.authorizedLine')}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {line}
        </Code>
        <CopyButton value={line} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('keys.copied') : t('keys.copyLine')}>
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={t('keys.copyLine')}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('keys.authorizedLineHint')}
      </Text>
    </Stack>
  )
}
