import { Anchor, Checkbox, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { LogRow } from '../../../../../src-shared/schemas/orchestration'
import { RelativeTime } from '../../../components/relative-time'
import classes from '../../../components/table.module.css'
import type { Selection } from '../../../hooks/use-selection'
import { LogStateBadge } from '../common/log-state-badge'
import { useBackendLabel } from '../common/use-options'
import { formatDuration } from './format-duration'
import { LogOperationsSummary } from './log-operations-summary'

interface LogsTableProps {
  rows: LogRow[]
  /** Off where every row is of one server (its page). */
  withServer?: boolean
  /** Rows picked for export; no checkboxes without it. */
  selection?: Selection<LogRow>
}

interface LogTableRowProps {
  row: LogRow
  withServer: boolean
  selection?: Selection<LogRow>
}

function LogTableRow({ row, withServer, selection }: LogTableRowProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const backendLabel = useBackendLabel()
  const selected = selection?.has(row.id) ?? false

  return (
    <Table.Tr
      className={classes.clickableRow}
      data-selected={selected || undefined}
      onClick={() => navigate(`/logs/${row.id}`)}
    >
      {selection && (
        <Table.Td onClick={(event) => event.stopPropagation()}>
          <Checkbox
            aria-label={t('logs.selectRow', { id: row.id })}
            checked={selected}
            onChange={() => selection.toggle(row)}
          />
        </Table.Td>
      )}
      <Table.Td>
        <Anchor
          component={Link}
          to={`/logs/${row.id}`}
          fw={600}
          size="sm"
          onClick={(event) => event.stopPropagation()}
          aria-label={t('logs.openLog', { id: row.id })}
        >
          #{row.id}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <LogStateBadge state={row.state} />
      </Table.Td>
      <Table.Td>{backendLabel(row.backend)}</Table.Td>
      {withServer && <Table.Td>{row.serverName}</Table.Td>}
      <Table.Td>
        <LogOperationsSummary operations={row.operations} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.actor}</Text>
      </Table.Td>
      <Table.Td>
        <RelativeTime value={row.createdAt} />
      </Table.Td>
      <Table.Td className={classes.numeric}>{formatDuration(row.durationSeconds)}</Table.Td>
    </Table.Tr>
  )
}

function SelectAllCheckbox({ rows, selection }: { rows: LogRow[]; selection: Selection<LogRow> }) {
  const { t } = useTranslation()
  const selectedHere = rows.filter((row) => selection.has(row.id)).length
  return (
    <Checkbox
      aria-label={t('logs.selectAll')}
      checked={rows.length > 0 && selectedHere === rows.length}
      indeterminate={selectedHere > 0 && selectedHere < rows.length}
      onChange={() => selection.setMany(rows, selectedHere < rows.length)}
    />
  )
}

export function LogsTable({ rows, withServer = true, selection }: LogsTableProps) {
  const { t } = useTranslation()

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={44}>
                <SelectAllCheckbox rows={rows} selection={selection} />
              </Table.Th>
            )}
            <Table.Th w={70}>{t('logs.columns.id')}</Table.Th>
            <Table.Th w={120}>{t('logs.columns.state')}</Table.Th>
            <Table.Th>{t('logs.columns.backend')}</Table.Th>
            {withServer && <Table.Th>{t('logs.columns.server')}</Table.Th>}
            <Table.Th>{t('logs.columns.operations')}</Table.Th>
            <Table.Th>{t('logs.columns.actor')}</Table.Th>
            <Table.Th w={140}>{t('logs.columns.createdAt')}</Table.Th>
            <Table.Th className={classes.numeric} w={100}>
              {t('logs.columns.duration')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <LogTableRow key={row.id} row={row} withServer={withServer} selection={selection} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
