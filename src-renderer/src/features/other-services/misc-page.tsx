import { Alert, Anchor, Badge, Group, Stack } from '@mantine/core'
import { IconInfoCircle, IconPencil } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import {
  miscellaneousName,
  type MiscellaneousDetail,
} from '../../../../src-shared/schemas/other-services'
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

function MiscOverview({ detail }: { detail: MiscellaneousDetail }) {
  const { t } = useTranslation()
  const { item, service, account } = detail
  const items: [string, ReactNode][] = [
    [t('otherServices.misc.detail.service'), service.verboseName || service.name],
    [
      t('otherServices.misc.detail.account'),
      <Anchor key="account" component={Link} to={`/accounts/${account.id}`} size="sm">
        {account.username}
      </Anchor>,
    ],
  ]
  if (service.hasIdentifier)
    items.push([t('otherServices.misc.detail.identifier'), item.identifier])
  if (service.hasAmount) items.push([t('otherServices.misc.detail.amount'), item.amount])
  if (item.description) items.push([t('otherServices.misc.detail.description'), item.description])
  return (
    <Stack gap="md">
      {!service.isActive && (
        <Alert color="orange" icon={<IconInfoCircle />}>
          {t('otherServices.misc.detail.serviceOff')}
        </Alert>
      )}
      <DetailList items={items} note={t('otherServices.misc.detail.billing')} />
    </Stack>
  )
}

export function MiscPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('miscellaneous:get', { id }, { enabled: id > 0 })
  const listPath = '/services/miscellaneous'

  if (query.isError || !(id > 0)) {
    return (
      <LoadError error={query.error} onRetry={query.refetch} section="misc" listPath={listPath} />
    )
  }
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { item, service } = detail
  const name = miscellaneousName(item, service.name)
  const badges = (
    <Group gap="xs">
      <Badge variant="outline" color="gray">
        {service.verboseName || service.name}
      </Badge>
      <ActiveBadge active={detail.effectiveActive} />
    </Group>
  )
  const actions = (
    <>
      <WriteLinkButton to={`${listPath}/${item.id}/edit`} leftSection={<IconPencil size={16} />}>
        {t('otherServices.misc.detail.edit')}
      </WriteLinkButton>
      <SetActiveButton
        channel="miscellaneous:setActive"
        id={item.id}
        name={name}
        active={item.isActive}
      />
      <DeleteObjectButton
        channel="miscellaneous:delete"
        section="misc"
        id={item.id}
        name={name}
        listPath={listPath}
      />
    </>
  )

  return (
    <Page
      title={name}
      crumbs={[{ label: t('otherServices.misc.title'), to: listPath }]}
      badges={badges}
      actions={actions}
      ready={!query.isFetching}
    >
      <ObjectTabs
        objectType="miscellaneous"
        id={item.id}
        tabsLabel={t('otherServices.misc.detail.tabs')}
      >
        <MiscOverview detail={detail} />
      </ObjectTabs>
    </Page>
  )
}
