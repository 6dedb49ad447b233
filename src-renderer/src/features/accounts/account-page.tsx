import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Tabs } from '@mantine/core'
import {
  IconAlertTriangle,
  IconHistory,
  IconId,
  IconLayoutList,
  IconListDetails,
  IconPencil,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import type { AccountDetail } from '../../../../src-shared/schemas/accounts'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { HistoryPanel } from '../history/history-panel'
import { AccountLogs } from '../orchestration/logs/account-logs'
import { AccountContacts } from './account-contacts'
import { AccountDetailsCard } from './account-details-card'
import { AccountLoadError } from './account-load-error'
import { AccountServicesOverview } from './account-services-overview'
import { AccountDomains } from '../domains/account-domains'
import { AccountMail } from '../mail/account-section'
import { AccountSqlDatabases } from '../sql-databases/account-section'
import { AccountSystemUsers } from '../system-users/account-section'
import { AccountWebapps } from '../webapps/account-section'
import { AccountWebsites } from '../websites/account-section'
import { AccountMailingLists } from '../mailing-lists/account-section'
import { AccountOtherServices } from '../other-services/account-section'
import { AccountSaas } from '../saas/account-section'
import { AccountPaymentSources } from '../payments/payment-sources-section'
import { DeleteAccountButton } from './delete-account-button'
import { SetActiveButton } from './set-active-button'
import { WriteLinkButton } from '../../components/write-link-button'

function AccountBadges({ detail }: { detail: AccountDetail }) {
  const { t } = useTranslation()
  const { account } = detail
  return (
    <Group gap="xs">
      <ActiveBadge active={account.isActive} />
      <Badge variant="outline" color="gray">
        {t(`accountTypes.${account.type}`)}
      </Badge>
      {account.isSuperuser && (
        <Badge variant="outline" color="grape">
          {t('account.superuser')}
        </Badge>
      )}
    </Group>
  )
}

function AccountActions({ detail }: { detail: AccountDetail }) {
  const { t } = useTranslation()
  const { account } = detail
  return (
    <>
      <WriteLinkButton to={`/accounts/${account.id}/edit`} leftSection={<IconPencil size={16} />}>
        {t('common.edit')}
      </WriteLinkButton>
      <SetActiveButton account={account} />
      <DeleteAccountButton account={account} />
    </>
  )
}

const TABS = ['overview', 'services', 'logs', 'history'] as const

/** Said on the overview when some service failed on a server, with the way to see which. */
function FailingNotice({ detail }: { detail: AccountDetail }) {
  const { t } = useTranslation()
  const count = detail.serviceStates.filter((status) => status.state === 'failing').length
  if (count === 0) return null
  return (
    <Alert color="red" icon={<IconAlertTriangle />} role="status">
      {t('otherServices.overview.failingBanner', { count })}{' '}
      <Anchor component={Link} to="?tab=services" size="sm">
        {t('otherServices.overview.showOverview')}
      </Anchor>
    </Alert>
  )
}

export function AccountPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('accounts:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <AccountLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { account } = detail

  return (
    <Page
      title={account.username}
      description={account.fullName}
      crumbs={[{ label: t('accounts.title'), to: '/accounts' }]}
      badges={<AccountBadges detail={detail} />}
      actions={<AccountActions detail={detail} />}
      ready={!query.isFetching}
    >
      {!account.isActive && (
        <Alert color="orange" icon={<IconAlertTriangle />} role="status">
          {t('account.disabledBanner')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
      >
        <Tabs.List aria-label={t('account.tabs')}>
          <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
            {t('account.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="services" leftSection={<IconLayoutList size={16} />}>
            {t('otherServices.overview.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('account.logs')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('account.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          <Stack gap="lg">
            <FailingNotice detail={detail} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <AccountDetailsCard account={account} />
              <AccountContacts account={account} contacts={detail.contacts} />
            </SimpleGrid>
            <AccountPaymentSources accountId={account.id} />
            <AccountDomains accountId={account.id} services={detail.services} />
            <AccountSystemUsers accountId={account.id} services={detail.services} />
            <AccountMail accountId={account.id} services={detail.services} />
            <AccountSqlDatabases accountId={account.id} services={detail.services} />
            <AccountWebapps accountId={account.id} services={detail.services} />
            <AccountWebsites accountId={account.id} services={detail.services} />
            <AccountMailingLists accountId={account.id} services={detail.services} />
            <AccountSaas accountId={account.id} services={detail.services} />
            <AccountOtherServices accountId={account.id} services={detail.services} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="services" pt="lg">
          {tab === 'services' && <AccountServicesOverview detail={detail} />}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && <AccountLogs accountId={account.id} />}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="lg">
          {tab === 'history' && <HistoryPanel scope={{ accountId: account.id }} />}
        </Tabs.Panel>
      </Tabs>
    </Page>
  )
}
