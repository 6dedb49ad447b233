import { Fragment } from 'react'
import { ActionIcon, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconCopy, IconFileExport } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { i18next } from '../../../i18n'

/** Lets a long path wrap after its slashes rather than inside a word. */
function breakablePath(text: string) {
  return text.split(/(?<=\/)/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ))
}

/** The command as read; the copy button gives it with the file's own path. */
const COMMAND_SHOWN = 'orchestra serve --database <file> --read-only'

interface CopyableLineProps {
  text: string
  /** What is shown, when it differs from what is copied. */
  shown?: string
  label: string
}

function CopyableLine({ text, shown, label }: CopyableLineProps) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Code fz="xs" style={{ overflowWrap: 'anywhere', flex: 1 }}>
        {shown ?? breakablePath(text)}
      </Code>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('logs.export.copied') : label} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={label}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  )
}

/** A path as one shell word: quoted only when it needs to be. */
function shellWord(text: string): string {
  return /^[\w./:@%+,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`
}

/** Where the export went and how an auditor opens it; stays until closed, to be copied. */
function ExportNotice({ file }: { file: string }) {
  const { t } = useTranslation()
  const command = `orchestra serve --database ${shellWord(file)} --read-only`
  return (
    <Stack gap={6}>
      <CopyableLine text={file} label={t('logs.export.copyPath')} />
      <Text size="sm">{t('logs.export.howToOpen')}</Text>
      <CopyableLine text={command} shown={COMMAND_SHOWN} label={t('logs.export.copyCommand')} />
    </Stack>
  )
}

export function notifyExported(result: { file: string; logs: number }) {
  notifications.show({
    title: i18next.t('logs.export.done', { count: result.logs }),
    message: <ExportNotice file={result.file} />,
    color: 'teal',
    icon: <IconFileExport size={18} />,
    autoClose: false,
  })
}
