import { Anchor, Code, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { WebappDetail } from '../../../../src-shared/schemas/webapps'

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </Stack>
  )
}

function WhereCard({ detail }: { detail: WebappDetail }) {
  const { t } = useTranslation()
  const { webapp } = detail
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('webapps.card.where')}>
      <Stack gap="md">
        <Title order={4}>{t('webapps.card.where')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('webapps.card.appDir')}>{detail.appDir}</Field>
          <Field label={t('webapps.card.documentRoot')}>{detail.documentRoot}</Field>
          <Field label={t('webapps.card.runtime')}>
            {webapp.runtime || t('webapps.runsNothing')}
          </Field>
          {detail.runtimeFiles.length > 0 && (
            <Field label={t('webapps.card.runtimeFiles')}>{detail.runtimeFiles.join('\n')}</Field>
          )}
          {webapp.linkTarget && (
            <Field label={t('webapps.card.linkTarget')}>{webapp.linkTarget}</Field>
          )}
          {detail.database && (
            <Field label={t('webapps.card.database')}>
              <Anchor component={Link} to={`/services/databases/${detail.database.id}`}>
                {detail.database.name}
              </Anchor>
            </Field>
          )}
          {detail.sqlUser && (
            <Field label={t('webapps.card.sqlUser')}>
              <Anchor component={Link} to={`/services/databases/users/${detail.sqlUser.id}`}>
                {detail.sqlUser.username}
              </Anchor>
            </Field>
          )}
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('webapps.card.mounts')}
          </Text>
          {detail.mounts.length === 0 ? (
            <Text size="sm">{t('webapps.card.notMounted')}</Text>
          ) : (
            <List size="sm">
              {detail.mounts.map((mount) => (
                <List.Item key={`${mount.websiteId}${mount.path}`}>
                  <Anchor component={Link} to={`/services/websites/${mount.websiteId}`}>
                    {mount.websiteName}
                  </Anchor>{' '}
                  <Code>{mount.path}</Code>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Stack>
    </Paper>
  )
}

function PairsTable({ label, rows }: { label: string; rows: { name: string; value: string }[] }) {
  const { t } = useTranslation()
  return (
    <Table aria-label={label} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('webapps.form.option')}</Table.Th>
          <Table.Th>{t('webapps.form.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.name}>
            <Table.Td ff="monospace">{row.name}</Table.Td>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
              {row.value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** Where the app lives, what it runs with, its options and the PHP values computed from them. */
export function WebappOverview({ detail }: { detail: WebappDetail }) {
  const { t } = useTranslation()
  const { options } = detail.webapp
  return (
    <Stack gap="lg">
      <WhereCard detail={detail} />
      <Paper withBorder p="lg" component="section" aria-label={t('webapps.card.options')}>
        <Stack gap="sm">
          <Title order={4}>{t('webapps.card.options')}</Title>
          {options.length === 0 ? (
            <Text size="sm">{t('webapps.card.noOptions')}</Text>
          ) : (
            <PairsTable label={t('webapps.card.options')} rows={options} />
          )}
        </Stack>
      </Paper>
      {detail.phpIni.length > 0 && (
        <Paper withBorder p="lg" component="section" aria-label={t('webapps.card.phpIni')}>
          <Stack gap="sm">
            <Title order={4}>{t('webapps.card.phpIni')}</Title>
            <Text size="sm" c="dimmed">
              {t('webapps.card.phpIniHint')}
            </Text>
            <PairsTable label={t('webapps.card.phpIni')} rows={detail.phpIni} />
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
