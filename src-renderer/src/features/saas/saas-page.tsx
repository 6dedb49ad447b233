import { Anchor, Badge, Group, Tabs } from '@mantine/core'
import { IconEdit, IconHistory, IconId, IconListDetails } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import type { SaasTenantRow } from '../../../../src-shared/schemas/saas'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { WriteLinkButton } from '../../components/write-link-button'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'
import { DeleteSaasButton } from './delete-saas-button'
import { SaasLoadError } from './saas-load-error'
import { SaasOverview } from './saas-overview'
import { serviceLabel } from './saas-services'

const TABS = ['overview', 'logs', 'history'] as const

function SaasBadges({ tenant }: { tenant: SaasTenantRow }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs">
      <Badge variant="light">{serviceLabel(tenant.service)}</Badge>
      <ActiveBadge active={tenant.isActive} />
      {tenant.isActive && !tenant.effectiveActive && (
        <Badge color="gray">{t('saas.accountInactive')}</Badge>
      )}
    </Group>
  )
}

function SaasActions({ tenant }: { tenant: SaasTenantRow }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs">
      <WriteLinkButton
        to={`/services/saas/${tenant.id}/edit`}
        variant="default"
        leftSection={<IconEdit size={16} />}
      >
        {t('saas.edit')}
      </WriteLinkButton>
      <DeleteSaasButton tenant={tenant} />
    </Group>
  )
}

export function SaasPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('saas:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <SaasLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const { tenant } = query.data
  const scope = { objectType: 'saasTenant' as const, objectId: tenant.id }

  return (
    <Page
      title={tenant.name}
      description={
        <Anchor component={Link} to={`/accounts/${tenant.accountId}`} size="sm">
          {tenant.accountUsername}
        </Anchor>
      }
      crumbs={[{ label: t('saas.title'), to: '/services/saas' }]}
      badges={<SaasBadges tenant={tenant} />}
      actions={<SaasActions tenant={tenant} />}
      ready={!query.isFetching}
    >
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
      >
        <Tabs.List aria-label={t('saas.tabs')}>
          <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
            {t('saas.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('saas.logs')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('saas.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {tab === 'overview' && <SaasOverview tenant={tenant} website={query.data.website} />}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && (
            <LogsPanel
              title={t('saas.logsTitle')}
              scope={scope}
              allLink={`/logs?objectType=saasTenant&objectId=${tenant.id}`}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="lg">
          {tab === 'history' && <HistoryPanel scope={scope} />}
        </Tabs.Panel>
      </Tabs>
    </Page>
  )
}
