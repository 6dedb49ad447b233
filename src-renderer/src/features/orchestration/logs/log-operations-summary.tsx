import { Anchor, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { LogOperation } from '../../../../../src-shared/schemas/orchestration'

/** Where an operation's object has a page of its own. */
export function operationObjectPath(operation: LogOperation): string | null {
  if (operation.action === 'delete') return null
  if (operation.objectType === 'account') return `/accounts/${operation.objectId}`
  if (operation.objectType === 'contact') return `/contacts/${operation.objectId}`
  return null
}

/** "save ana" for each operation, the object linked when it has a page. */
export function OperationLabel({ operation }: { operation: LogOperation }) {
  const path = operationObjectPath(operation)
  return (
    <Text size="sm" span>
      <Text span ff="monospace" size="sm">
        {operation.action}
      </Text>{' '}
      {path ? (
        <Anchor component={Link} to={path} size="sm" onClick={(event) => event.stopPropagation()}>
          {operation.objectRepr}
        </Anchor>
      ) : (
        operation.objectRepr
      )}
    </Text>
  )
}

const SHOWN = 2

/** The first operations of a log, and how many more there are. */
export function LogOperationsSummary({ operations }: { operations: LogOperation[] }) {
  const { t } = useTranslation()
  const rest = operations.length - SHOWN

  return (
    <Stack gap={0}>
      {operations.slice(0, SHOWN).map((operation) => (
        <OperationLabel key={operation.id} operation={operation} />
      ))}
      {rest > 0 && (
        <Text size="xs" c="dimmed">
          {t('logs.moreOperations', { count: rest })}
        </Text>
      )}
    </Stack>
  )
}
