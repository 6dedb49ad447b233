import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DomainRecord } from '../../../../src-shared/schemas/domains'

export function DomainRecordsCard({ records }: { records: DomainRecord[] }) {
  const { t } = useTranslation()

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('domain.recordsTitle')}>
      <Stack gap="md">
        <Title order={4}>
          {t('domain.recordsTitle')} ({records.length})
        </Title>
        {records.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('domain.noRecords')}
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('domainForm.type')}</Table.Th>
                <Table.Th>{t('domainForm.value')}</Table.Th>
                <Table.Th w={100}>{t('domainForm.ttl')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((record, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{record.type}</Table.Td>
                  <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {record.value}
                  </Table.Td>
                  <Table.Td c={record.ttl ? undefined : 'dimmed'}>
                    {record.ttl || t('domain.defaultValue')}
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
