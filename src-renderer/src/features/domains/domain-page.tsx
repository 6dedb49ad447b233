import { Anchor, Badge, Group, SimpleGrid, Stack, Tabs } from '@mantine/core'
import { IconFileText, IconHistory, IconId, IconListDetails, IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import type { DomainDetail } from '../../../../src-shared/schemas/domains'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { WriteLinkButton } from '../../components/write-link-button'
import { isInternationalName, toUnicodeName } from '../../lib/domain-unicode'
import { HistoryPanel } from '../history/history-panel'
import { DeleteDomainButton } from './delete-domain-button'
import { DomainLoadError } from './domain-load-error'
import { DomainLogs } from './domain-logs'
import { DomainRecordsCard } from './domain-records-card'
import { DomainSoaCard } from './domain-soa-card'
import { DomainSubdomains } from './domain-subdomains'
import { DomainZone } from './domain-zone'

function DomainBadges({ detail }: { detail: DomainDetail }) {
  const { t } = useTranslation()
  const { domain } = detail
  return (
    <Group gap="xs">
      <Badge variant="outline" color="gray">
        {domain.topId === null ? t('domains.topDomain') : t('domain.subdomain')}
      </Badge>
      <Badge variant="light" tt="none">
        {t('domain.serial')} {domain.serial}
      </Badge>
    </Group>
  )
}

function DomainActions({ detail }: { detail: DomainDetail }) {
  const { t } = useTranslation()
  const { domain } = detail
  return (
    <>
      <WriteLinkButton
        to={`/services/domains/${domain.id}/edit`}
        leftSection={<IconPencil size={16} />}
      >
        {t('domain.editRecords')}
      </WriteLinkButton>
      <DeleteDomainButton domain={domain} />
    </>
  )
}

function DomainOverview({ detail }: { detail: DomainDetail }) {
  const { domain } = detail
  return (
    <Stack gap="lg">
      <DomainRecordsCard records={detail.records} implicit={detail.implicit} />
      <SimpleGrid cols={{ base: 1, lg: domain.topId === null ? 2 : 1 }} spacing="lg">
        <DomainSoaCard domain={domain} />
        {domain.topId === null && <DomainSubdomains domain={domain} />}
      </SimpleGrid>
    </Stack>
  )
}

/** Who owns the domain, and for a subdomain the domain whose zone it is written in. */
function DomainDescription({ detail, topName }: { detail: DomainDetail; topName?: string }) {
  const { t } = useTranslation()
  const { domain } = detail
  // The detail carries only the account's id; its page has the username.
  const account = useChannelQuery('accounts:get', { id: domain.accountId })
  const username = account.data?.account.username
  return (
    <Group gap="md" component="span">
      {isInternationalName(domain.name) && <span>{domain.name}</span>}
      {username && (
        <Anchor component={Link} to={`/accounts/${domain.accountId}`} size="sm">
          {username}
        </Anchor>
      )}
      {domain.topId !== null && topName && (
        <Anchor component={Link} to={`/services/domains/${domain.topId}`} size="sm">
          {t('domains.subdomainOf', { name: toUnicodeName(topName) })}
        </Anchor>
      )}
    </Group>
  )
}

const TABS = ['overview', 'zone', 'logs', 'history'] as const

export function DomainPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('domains:get', { id }, { enabled: id > 0 })
  const topId = query.data?.domain.topId ?? 0
  const top = useChannelQuery('domains:get', { id: topId }, { enabled: topId > 0 })

  if (query.isError || !(id > 0))
    return <DomainLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { domain } = detail

  return (
    <Page
      title={toUnicodeName(domain.name)}
      description={<DomainDescription detail={detail} topName={top.data?.domain.name} />}
      crumbs={[{ label: t('domains.title'), to: '/services/domains' }]}
      badges={<DomainBadges detail={detail} />}
      actions={<DomainActions detail={detail} />}
      ready={!query.isFetching}
    >
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
      >
        <Tabs.List aria-label={t('domain.tabs')}>
          <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
            {t('domain.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="zone" leftSection={<IconFileText size={16} />}>
            {t('domain.zone')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('domain.logs')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('domain.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {tab === 'overview' && <DomainOverview detail={detail} />}
        </Tabs.Panel>
        <Tabs.Panel value="zone" pt="lg">
          {tab === 'zone' && <DomainZone detail={detail} />}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && <DomainLogs domainId={domain.id} />}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="lg">
          {tab === 'history' && (
            <HistoryPanel scope={{ objectType: 'domain', objectId: domain.id }} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Page>
  )
}
