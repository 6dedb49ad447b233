import { Alert, Stack, Table, Text } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CopyResult } from '../../../../src-shared/schemas/database'
import classes from '../../components/table.module.css'

/** What a finished copy put where: rows per table, each checked against this database. */
export function CopyResultTable({ result }: { result: CopyResult }) {
  const { t } = useTranslation()
  const caption = t('database.copy.resultCaption')

  return (
    <Stack gap="sm">
      <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('database.copy.done')}>
        <Text size="sm">{t('database.copy.doneBody', { rows: result.rows })}</Text>
        <Text size="xs" c="dimmed" ff="monospace" mt={4} style={{ wordBreak: 'break-all' }}>
          {result.to}
        </Text>
      </Alert>
      <Table withTableBorder striped aria-label={caption} maw={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('database.copy.table')}</Table.Th>
            <Table.Th className={classes.numeric}>{t('database.copy.rows')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.tables.map((row) => (
            <Table.Tr key={row.table}>
              <Table.Td ff="monospace">{row.table}</Table.Td>
              <Table.Td className={classes.numeric}>{row.rows}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('database.copy.total')}</Table.Th>
            <Table.Th className={classes.numeric}>{result.rows}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Stack>
  )
}
