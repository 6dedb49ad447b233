import { Anchor, Badge, Group } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import type { VpsDetail } from '../../../../src-shared/schemas/other-services'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { WriteLinkButton } from '../../components/write-link-button'
import { DeleteObjectButton } from './delete-object-button'
import { DetailList } from './detail-list'
import { LoadError } from './load-error'
import { ObjectTabs } from './object-tabs'
import { SetActiveButton } from './set-active-button'

function VpsOverview({ detail }: { detail: VpsDetail }) {
  const { t } = useTranslation()
  const { vps, account } = detail
  const items: [string, ReactNode][] = [
    [t('otherServices.vps.columns.hostname'), vps.hostname],
    [t('otherServices.vps.columns.type'), t(`otherServices.vps.types.${vps.type}`)],
    [t('otherServices.vps.columns.template'), vps.template],
    [
      t('otherServices.vps.columns.account'),
      <Anchor key="account" component={Link} to={`/accounts/${account.id}`} size="sm">
        {account.username}
      </Anchor>,
    ],
    [
      t('otherServices.vps.columns.password'),
      vps.hasPassword ? t('otherServices.vps.passwordSet') : t('otherServices.vps.passwordNone'),
    ],
  ]
  return <DetailList items={items} note={t('otherServices.vps.detail.fixed')} />
}

export function VpsPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('vps:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0)) {
    return (
      <LoadError
        error={query.error}
        onRetry={query.refetch}
        section="vps"
        listPath="/services/vps"
      />
    )
  }
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { vps } = detail
  const badges = (
    <Group gap="xs">
      <Badge variant="outline" color="gray">
        {t(`otherServices.vps.types.${vps.type}`)}
      </Badge>
      <ActiveBadge active={detail.effectiveActive} />
    </Group>
  )
  const actions = (
    <>
      <WriteLinkButton to={`/services/vps/${vps.id}/edit`} leftSection={<IconPencil size={16} />}>
        {t('otherServices.vps.detail.edit')}
      </WriteLinkButton>
      <SetActiveButton
        channel="vps:setActive"
        id={vps.id}
        name={vps.hostname}
        active={vps.isActive}
      />
      <DeleteObjectButton
        channel="vps:delete"
        section="vps"
        id={vps.id}
        name={vps.hostname}
        listPath="/services/vps"
      />
    </>
  )

  return (
    <Page
      title={vps.hostname}
      crumbs={[{ label: t('otherServices.vps.title'), to: '/services/vps' }]}
      badges={badges}
      actions={actions}
      ready={!query.isFetching}
    >
      <ObjectTabs
        objectType="vps"
        id={vps.id}
        tabsLabel={t('otherServices.vps.detail.tabs')}
        logsTitle={t('otherServices.vps.detail.logsTitle')}
      >
        <VpsOverview detail={detail} />
      </ObjectTabs>
    </Page>
  )
}
