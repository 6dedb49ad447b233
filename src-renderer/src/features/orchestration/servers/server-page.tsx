import { Button, SimpleGrid, Stack } from '@mantine/core'
import { IconHeartRateMonitor, IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import type { Server } from '../../../../../src-shared/schemas/orchestration'
import { useChannelQuery } from '../../../api/queries'
import { Page } from '../../../components/page'
import { PageLoader } from '../../../components/page-loader'
import { LogsPanel } from '../logs/logs-panel'
import { DeleteServerButton } from './delete-server-button'
import { HostKeyPanel } from './host-key-panel'
import { HostKeyState } from './host-key-state'
import { ServerCheckCell } from './server-check-cell'
import { ServerDetailsCard } from './server-details-card'
import { ServerLoadError } from './server-load-error'
import { ServerRoutes } from './server-routes'
import { SshAccessPanel } from './ssh-access-panel'
import { useServerChecks } from './use-server-checks'
import { WriteLinkButton } from '../../../components/write-link-button'

function ServerActions({ server }: { server: Server }) {
  const { t } = useTranslation()
  const checks = useServerChecks()
  const check = checks.results.get(server.id)

  return (
    <>
      {check && <ServerCheckCell check={check} />}
      <Button
        variant="default"
        leftSection={<IconHeartRateMonitor size={16} />}
        loading={checks.checking}
        onClick={() => checks.run([server.id])}
      >
        {t('servers.check')}
      </Button>
      <WriteLinkButton to={`/servers/${server.id}/edit`} leftSection={<IconPencil size={16} />}>
        {t('common.edit')}
      </WriteLinkButton>
      <DeleteServerButton server={server} />
    </>
  )
}

export function ServerPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('servers:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <ServerLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const server = query.data

  return (
    <Page
      title={server.name}
      description={server.description.split('\n')[0] || undefined}
      crumbs={[{ label: t('servers.title'), to: '/servers' }]}
      badges={<HostKeyState server={server} standalone />}
      actions={<ServerActions server={server} />}
      ready={!query.isFetching}
    >
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <ServerDetailsCard server={server} />
          {server.method === 'ssh' ? (
            <Stack gap="lg">
              <HostKeyPanel server={server} />
              <SshAccessPanel server={server} />
            </Stack>
          ) : null}
        </SimpleGrid>
        <ServerRoutes server={server} />
        <LogsPanel
          title={t('server.logsTitle')}
          scope={{ serverId: server.id }}
          allLink={`/logs?server=${server.id}`}
        />
      </Stack>
    </Page>
  )
}
