import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { LogOperation, LogState } from '../../../../../src-shared/schemas/orchestration'
import { LOG_STATE_COLORS } from '../common/log-states'
import { OperationLabel } from './log-operations-summary'
import badge from '../common/badge.module.css'

function OperationState({ state }: { state: string }) {
  const color = LOG_STATE_COLORS[state as LogState] ?? 'gray'
  return (
    <Badge className={badge.whole} size="sm" variant="light" color={color}>
      {state}
    </Badge>
  )
}

/** What the script did, one line per object. */
export function LogOperationsTable({ operations }: { operations: LogOperation[] }) {
  const { t } = useTranslation()

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('log.operations')}>
      <Stack gap="sm">
        <Title order={4}>
          {t('log.operations')} ({operations.length})
        </Title>
        {operations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('log.noOperations')}
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('log.operationColumns.operation')}</Table.Th>
                <Table.Th>{t('log.operationColumns.type')}</Table.Th>
                <Table.Th>{t('log.operationColumns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {operations.map((operation) => (
                <Table.Tr key={operation.id}>
                  <Table.Td>
                    <OperationLabel operation={operation} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {operation.objectType}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <OperationState state={operation.state} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  )
}
