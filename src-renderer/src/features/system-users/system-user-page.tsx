import { Group, Tabs } from '@mantine/core'
import { IconHistory, IconId, IconListDetails, IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router-dom'
import type { SystemUserDetail } from '../../../../src-shared/schemas/system-users'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { WriteLinkButton } from '../../components/write-link-button'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'
import { DeleteSystemUserButton } from './delete-system-user-button'
import { RoleBadge } from './role-badge'
import { SystemUserOverview } from './system-user-overview'
import { SystemUserLoadError } from './system-user-pages'

function Badges({ detail }: { detail: SystemUserDetail }) {
  return (
    <Group gap="xs">
      <RoleBadge role={detail.user.role} />
      <ActiveBadge active={detail.effectiveActive} />
    </Group>
  )
}

function Actions({ detail }: { detail: SystemUserDetail }) {
  const { t } = useTranslation()
  const { user } = detail
  return (
    <>
      <WriteLinkButton
        to={`/services/system-users/${user.id}/edit`}
        leftSection={<IconPencil size={16} />}
      >
        {t('systemUsers.detail.edit')}
      </WriteLinkButton>
      <DeleteSystemUserButton user={user} />
    </>
  )
}

const TABS = ['overview', 'logs', 'history'] as const

export function SystemUserPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('systemUsers:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <SystemUserLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { user } = detail

  return (
    <Page
      title={user.username}
      description={t(`systemUsers.roleHints.${user.role}`)}
      crumbs={[{ label: t('systemUsers.title'), to: '/services/system-users' }]}
      badges={<Badges detail={detail} />}
      actions={<Actions detail={detail} />}
      ready={!query.isFetching}
    >
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
      >
        <Tabs.List aria-label={t('systemUsers.detail.tabs')}>
          <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
            {t('systemUsers.detail.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('systemUsers.detail.logs')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('systemUsers.detail.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {tab === 'overview' && <SystemUserOverview detail={detail} />}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && (
            <LogsPanel
              title={t('systemUsers.detail.logsTitle')}
              scope={{ objectType: 'systemUser', objectId: user.id }}
              allLink={`/logs?objectType=systemUser&objectId=${user.id}`}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="lg">
          {tab === 'history' && (
            <HistoryPanel scope={{ objectType: 'systemUser', objectId: user.id }} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Page>
  )
}
