import { Group, Stack, Text } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FieldChange } from '../../../../src-shared/schemas/history'
import { translateOr } from '../../i18n/translate'
import { i18next } from '../../i18n'
import classes from './history.module.css'

/** A stored value as the user reads it: booleans as yes/no, lists joined, blanks marked. */
function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return i18next.t('history.emptyValue')
  if (typeof value === 'boolean') return value ? i18next.t('common.yes') : i18next.t('common.no')
  if (Array.isArray(value)) return value.length ? value.join(', ') : i18next.t('history.emptyValue')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function Value({ value, kind }: { value: unknown; kind: 'from' | 'to' }) {
  const blank = value === null || value === undefined || value === ''
  return (
    <Text span size="sm" className={classes[kind]} fs={blank ? 'italic' : undefined}>
      {formatValue(value)}
    </Text>
  )
}

export function ChangeList({ changes, message }: { changes: FieldChange[]; message: string }) {
  const { t } = useTranslation()
  // Additions and deletions carry no field diff; their action badge says it all.
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {message || t('common.none')}
      </Text>
    )
  }

  return (
    <Stack gap={4}>
      {changes.map((change) => (
        <Group key={change.field} gap={6} wrap="wrap">
          <Text span size="sm" fw={600}>
            {translateOr(`fields.${change.field}`, change.field)}
          </Text>
          <Value value={change.from} kind="from" />
          <IconArrowRight size={12} aria-label="→" />
          <Value value={change.to} kind="to" />
        </Group>
      ))}
    </Stack>
  )
}
