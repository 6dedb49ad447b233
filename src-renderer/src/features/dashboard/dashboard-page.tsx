import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import {
  IconAddressBook,
  IconCircleOff,
  IconDatabase,
  IconMail,
  IconPlus,
  IconTerminal2,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { HistoryTable } from '../history/history-table'
import { PaletteHint } from './palette-hint'
import { StatCard } from './stat-card'
import { WriteLinkButton } from '../../components/write-link-button'

export function DashboardPage() {
  const { t } = useTranslation()
  const query = useChannelQuery('app:dashboard', {})

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  if (!query.data) return <PageLoader />
  const { accounts, contacts, services, recent } = query.data
  const serviceCards = [
    { label: t('nav.domains'), value: services.domains, icon: IconWorld, to: '/services/domains' },
    {
      label: t('nav.mailboxes'),
      value: services.mailboxes,
      icon: IconMail,
      to: '/services/mailboxes',
    },
    {
      label: t('nav.databases'),
      value: services.databases,
      icon: IconDatabase,
      to: '/services/databases',
    },
    {
      label: t('nav.systemUsers'),
      value: services.systemUsers,
      icon: IconTerminal2,
      to: '/services/system-users',
    },
  ]

  return (
    <Page
      title={t('dashboard.title')}
      description={<PaletteHint />}
      ready={!query.isFetching}
      actions={
        <WriteLinkButton to="/accounts/new" leftSection={<IconPlus size={16} />}>
          {t('accounts.new')}
        </WriteLinkButton>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <StatCard
          label={t('dashboard.accounts')}
          value={accounts.total}
          detail={t('dashboard.accountsDetail', { active: accounts.active })}
          icon={<IconUsers size={24} />}
          to="/accounts"
        />
        <StatCard
          label={t('dashboard.contacts')}
          value={contacts}
          detail={t('dashboard.contactsDetail')}
          icon={<IconAddressBook size={24} />}
          to="/contacts"
        />
        <StatCard
          label={t('dashboard.disabled')}
          value={accounts.total - accounts.active}
          detail={t('dashboard.disabledDetail')}
          icon={<IconCircleOff size={24} />}
          to="/accounts?status=disabled"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
        {serviceCards.map(({ label, value, icon: Icon, to }) => (
          <StatCard
            key={to}
            label={label}
            value={value}
            detail={t('dashboard.contactsDetail')}
            icon={<Icon size={24} />}
            to={to}
          />
        ))}
      </SimpleGrid>
      <Paper withBorder>
        <Stack gap={0}>
          <Group justify="space-between" p="md">
            <Title order={4}>{t('dashboard.recent')}</Title>
            <Anchor component={Link} to="/history" size="sm">
              {t('dashboard.allHistory')}
            </Anchor>
          </Group>
          {recent.length > 0 ? (
            <HistoryTable entries={recent} />
          ) : (
            <Text c="dimmed" size="sm" p="md" pt={0}>
              {t('dashboard.recentEmpty')}
            </Text>
          )}
        </Stack>
      </Paper>
    </Page>
  )
}
