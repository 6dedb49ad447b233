import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DomainRecord } from '../../../../src-shared/schemas/domains'

function RecordsTable({ records, implicit }: { records: DomainRecord[]; implicit?: boolean }) {
  const { t } = useTranslation()
  return (
    <Table verticalSpacing="xs" aria-label={implicit ? t('domain.implicitTitle') : undefined}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('domainForm.type')}</Table.Th>
          <Table.Th>{t('domainForm.value')}</Table.Th>
          <Table.Th w={100}>{t('domainForm.ttl')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody c={implicit ? 'dimmed' : undefined}>
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
  )
}

interface DomainRecordsCardProps {
  records: DomainRecord[]
  implicit: DomainRecord[]
}

export function DomainRecordsCard({ records, implicit }: DomainRecordsCardProps) {
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
          <RecordsTable records={records} />
        )}
        {implicit.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('domain.implicitTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('domain.implicitHint')}
            </Text>
            <RecordsTable records={implicit} implicit />
          </>
        )}
      </Stack>
    </Paper>
  )
}
