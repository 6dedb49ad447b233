import { Anchor, Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { HistoryAction, HistoryEntry } from '../../../../src-shared/schemas/history'
import { RelativeTime } from '../../components/relative-time'
import { objectDisplayName, objectPath } from '../../lib/service-objects'
import { ChangeList } from './change-list'

const ACTION_COLORS: Record<HistoryAction, string> = {
  added: 'teal',
  changed: 'blue',
  deleted: 'red',
  disabled: 'orange',
  enabled: 'green',
}

// Objects with a page of their own; a deleted one is named without a link.
function entryPath(entry: HistoryEntry): string | undefined {
  if (entry.action === 'deleted') return undefined
  return objectPath(entry.objectType, entry.objectId)
}

function ObjectCell({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation()
  const type = t(`history.objectTypes.${entry.objectType}`)
  const path = entryPath(entry)
  const name = objectDisplayName(entry.objectType, entry.objectRepr)
  return (
    <>
      <Text size="xs" c="dimmed">
        {type}
      </Text>
      {path ? (
        <Anchor component={Link} to={path} size="sm">
          {name}
        </Anchor>
      ) : (
        <Text size="sm">{name}</Text>
      )}
    </>
  )
}

interface HistoryTableProps {
  entries: HistoryEntry[]
  /** Off on an object's own page, where every row is about that object. */
  withObject?: boolean
}

/** Read-only: history entries are never edited or deleted from the interface. */
export function HistoryTable({ entries, withObject = true }: HistoryTableProps) {
  const { t } = useTranslation()

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('history.columns.at')}</Table.Th>
            <Table.Th w={120}>{t('history.columns.actor')}</Table.Th>
            {withObject && <Table.Th w={200}>{t('history.columns.object')}</Table.Th>}
            <Table.Th w={110}>{t('history.columns.action')}</Table.Th>
            <Table.Th>{t('history.columns.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <RelativeTime value={entry.at} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.actor}</Text>
              </Table.Td>
              {withObject && (
                <Table.Td>
                  <ObjectCell entry={entry} />
                </Table.Td>
              )}
              <Table.Td>
                <Badge variant="light" color={ACTION_COLORS[entry.action]}>
                  {t(`history.actions.${entry.action}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <ChangeList changes={entry.changes} message={entry.message} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
