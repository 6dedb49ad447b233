import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { DatabaseCheck } from '../../../../src-shared/schemas/database'
import { errorMessage } from '../../api/errors'

interface CheckResultProps {
  check?: DatabaseCheck
  /** Warn when the database holds data (a copy target must be empty). */
  needsEmpty?: boolean
}

/** What answered a connection test: the server's version, and whether it holds anything. */
export function CheckResult({ check, needsEmpty = false }: CheckResultProps) {
  const { t } = useTranslation()
  if (!check) return null

  const warn = needsEmpty && !check.empty
  return (
    <Alert
      color={warn ? 'orange' : 'teal'}
      icon={warn ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />}
      title={t('database.check.title', { server: check.server })}
      role="status"
    >
      <Text size="sm">
        {check.empty ? t('database.check.empty') : t('database.check.notEmpty')}
        {warn && ` ${t('database.check.notEmptyForCopy')}`}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace" mt={4} style={{ wordBreak: 'break-all' }}>
        {check.location}
      </Text>
    </Alert>
  )
}

/** A refused connection, test or copy, in the server's words: what to fix is in them. */
export function DatabaseErrorAlert({ title, error }: { title: string; error: unknown }) {
  if (!error) return null
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {errorMessage(error)}
      </Text>
    </Alert>
  )
}
