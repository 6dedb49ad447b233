import type { ReactNode } from 'react'
import { Anchor, Code, DataList, Paper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { effectiveAddress, type Server } from '../../../../../src-shared/schemas/orchestration'
import { formatDateTime } from '../../../lib/dates'

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  )
}

export function ServerDetailsCard({ server }: { server: Server }) {
  const { t } = useTranslation()
  const ssh = server.method === 'ssh'
  const none = (
    <Text c="dimmed" span size="sm">
      {t('common.none')}
    </Text>
  )

  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="md">
        {t('server.details')}
      </Title>
      <DataList labelWidth={140} withDivider>
        <Item label={t('server.fields.address')}>
          <Code>{effectiveAddress(server)}</Code>
        </Item>
        <Item label={t('server.fields.method')}>{t(`serverMethods.${server.method}`)}</Item>
        {ssh && (
          <Item label={t('server.fields.ssh')}>
            <Code>{`${server.sshUser}@${effectiveAddress(server)}:${server.sshPort}`}</Code>
          </Item>
        )}
        {ssh && (
          <Item label={t('server.fields.key')}>
            {server.keyLabel ? (
              <Anchor component={Link} to="/keys" size="sm">
                {server.keyLabel}
              </Anchor>
            ) : (
              <Text size="sm" c="orange">
                {t('servers.noKey')}
              </Text>
            )}
          </Item>
        )}
        <Item label={t('server.fields.description')}>
          {server.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {server.description}
            </Text>
          ) : (
            none
          )}
        </Item>
        <Item label={t('server.fields.updatedAt')}>{formatDateTime(server.updatedAt)}</Item>
      </DataList>
    </Paper>
  )
}
