import { Anchor, Button, EmptyState, Group, Tabs, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { IconHistory, IconId, IconListDetails } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { channelKey, useChannelMutation, useChannelQuery } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { QueryError } from '../../components/query-error'
import { isNotFound } from '../../api/errors'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'
import { CertificateStatusBadge } from './certificate-status'
import { WebsiteCertificateCard } from './website-certificate-card'

const TABS = ['overview', 'logs', 'history'] as const

function DeleteCertificateButton({ id, name }: { id: number; name: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const remove = useChannelMutation('certificates:delete')
  return (
    <DeleteButton
      title={t('certificates.page.deleteTitle', { name })}
      confirmLabel={t('certificates.page.deleteConfirm')}
      loading={remove.isPending}
      onConfirm={(close) =>
        remove.mutate(
          { id },
          {
            onSuccess: () => {
              close()
              queryClient.removeQueries({ queryKey: channelKey('certificates:get', { id }) })
              notifySuccess(t('certificates.page.deleted', { name }))
              navigate('/services/certificates')
            },
            onError: (error) => notifyFailure(t('certificates.page.deleteConfirm'), error),
          },
        )
      }
    >
      <Text size="sm">{t('certificates.page.deleteBody')}</Text>
    </DeleteButton>
  )
}

/** One certificate: the website's card, the scripts run for it and its history. */
export function CertificatePage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('certificates:get', { id }, { enabled: id > 0 })

  if (!(id > 0) || (query.isError && isNotFound(query.error))) {
    return (
      <EmptyState py="xl" title={t('certificates.page.notFound')} variant="light">
        <EmptyState.Actions>
          <Button component={Link} to="/services/certificates" variant="light">
            {t('certificates.page.backToList')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    )
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  if (!query.data) return <PageLoader />
  const certificate = query.data
  const name = certificate.names[0] ?? `#${certificate.id}`
  const scope = { objectType: 'certificate' as const, objectId: certificate.id }

  return (
    <Page
      title={name}
      description={
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('certificates.page.website')}
          </Text>
          <Anchor component={Link} to={`/services/websites/${certificate.websiteId}`} size="sm">
            {certificate.websiteName}
          </Anchor>
          <Text size="sm" c="dimmed">
            · {t('certificates.page.account')}
          </Text>
          <Anchor component={Link} to={`/accounts/${certificate.accountId}`} size="sm">
            {certificate.accountUsername}
          </Anchor>
        </Group>
      }
      crumbs={[{ label: t('certificates.title'), to: '/services/certificates' }]}
      badges={<CertificateStatusBadge status={certificate.status} />}
      actions={<DeleteCertificateButton id={certificate.id} name={name} />}
      ready={!query.isFetching}
    >
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
      >
        <Tabs.List aria-label={t('certificates.page.tabs')}>
          <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
            {t('certificates.page.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('certificates.page.logs')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('certificates.page.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {tab === 'overview' && (
            <WebsiteCertificateCard websiteId={certificate.websiteId} linkToCertificate={false} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && (
            <LogsPanel
              title={t('certificates.page.logsTitle')}
              scope={scope}
              allLink={`/logs?objectType=certificate&objectId=${certificate.id}`}
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
