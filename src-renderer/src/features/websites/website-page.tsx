import { Button, Group, Stack, Tabs } from '@mantine/core'
import { IconHistory, IconId, IconListDetails, IconPencil, IconPower } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router-dom'
import type { WebsiteDetail } from '../../../../src-shared/schemas/websites'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { WriteLinkButton } from '../../components/write-link-button'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { WebsiteCertificateCard } from '../certificates/website-certificate-card'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'
import { DeleteWebsiteButton } from './delete-website-button'
import { WebsiteOverview } from './website-overview'
import { WebsiteLoadError } from './website-pages'

function ToggleActiveButton({ detail }: { detail: WebsiteDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const toggle = useChannelMutation('websites:setActive')
  const { website } = detail
  const isActive = !website.isActive
  const label = t(isActive ? 'websites.detail.enable' : 'websites.detail.disable')
  const handleClick = () =>
    toggle.mutate(
      { ids: [website.id], active: isActive },
      {
        onSuccess: () =>
          notifySuccess(
            t(isActive ? 'websites.detail.enabled' : 'websites.detail.disabled', {
              name: website.name,
            }),
          ),
        onError: (error) => notifyFailure(label, error),
      },
    )
  return (
    <Button
      variant="default"
      leftSection={<IconPower size={16} />}
      loading={toggle.isPending}
      disabled={readOnly}
      onClick={handleClick}
    >
      {label}
    </Button>
  )
}

function Actions({ detail }: { detail: WebsiteDetail }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs">
      <WriteLinkButton
        to={`/services/websites/${detail.website.id}/edit`}
        leftSection={<IconPencil size={16} />}
      >
        {t('websites.detail.edit')}
      </WriteLinkButton>
      <ToggleActiveButton detail={detail} />
      <DeleteWebsiteButton website={detail.website} />
    </Group>
  )
}

const TABS = ['overview', 'logs', 'history'] as const

export function WebsitePage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('websites:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <WebsiteLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { website } = detail

  return (
    <Page
      title={website.name}
      description={detail.url || undefined}
      crumbs={[{ label: t('websites.title'), to: '/services/websites' }]}
      badges={<ActiveBadge active={detail.active} />}
      actions={<Actions detail={detail} />}
      ready={!query.isFetching}
    >
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
      >
        <Tabs.List aria-label={t('websites.detail.tabs')}>
          <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
            {t('websites.detail.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('websites.detail.logs')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('websites.detail.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {tab === 'overview' && (
            <Stack gap="lg">
              <WebsiteOverview detail={detail} />
              <WebsiteCertificateCard websiteId={website.id} />
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && (
            <LogsPanel
              title={t('websites.detail.logsTitle')}
              scope={{ objectType: 'website', objectId: website.id }}
              allLink={`/logs?objectType=website&objectId=${website.id}`}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="lg">
          {tab === 'history' && (
            <HistoryPanel scope={{ objectType: 'website', objectId: website.id }} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Page>
  )
}
