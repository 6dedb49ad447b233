import { Badge, Group, Paper, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SettingValue } from '../../../../src-shared/schemas/settings'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { translateOr } from '../../i18n/translate'
import { SmtpPasswordField } from '../bills/smtp-password-field'
import { SettingRow } from './setting-row'

function byGroup(settings: SettingValue[]): [string, SettingValue[]][] {
  const groups = new Map<string, SettingValue[]>()
  for (const setting of settings)
    groups.set(setting.group, [...(groups.get(setting.group) ?? []), setting])
  return [...groups]
}

/** Administration > Settings: typed values that apply at once, each change in History. */
export function SettingsPage() {
  const { t } = useTranslation()
  const query = useChannelQuery('settings:list', {})

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  if (!query.data) return <PageLoader />

  return (
    <Page
      title={t('settings.title')}
      description={t('settings.description')}
      ready={!query.isFetching}
    >
      {byGroup(query.data).map(([group, settings]) => (
        <Paper key={group} withBorder p="lg" component="section" aria-label={group} maw={880}>
          <Stack gap="lg">
            <Group gap="xs">
              <Title order={4}>{translateOr(`settings.groups.${group}`, group)}</Title>
              <Badge variant="light" color="gray" tt="none">
                {settings.length}
              </Badge>
            </Group>
            {settings.map((setting) => (
              <SettingRow key={setting.name} setting={setting} />
            ))}
            {group === 'BILLS' && <SmtpPasswordField />}
          </Stack>
        </Paper>
      ))}
    </Page>
  )
}
