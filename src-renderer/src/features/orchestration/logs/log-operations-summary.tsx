import { Anchor, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { LogOperation } from '../../../../../src-shared/schemas/orchestration'
import { objectDisplayName, objectPath } from '../../../lib/service-objects'

/** Where an operation's object has a page of its own; a deleted one has none. */
export function operationObjectPath(operation: LogOperation): string | null {
  if (operation.action === 'delete') return null
  return objectPath(operation.objectType, operation.objectId) ?? null
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
          {objectDisplayName(operation.objectType, operation.objectRepr)}
        </Anchor>
      ) : (
        objectDisplayName(operation.objectType, operation.objectRepr)
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
