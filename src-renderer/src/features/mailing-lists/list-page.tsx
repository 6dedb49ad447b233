import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import type { MailingListRow } from '../../../../src-shared/schemas/mailing-lists'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { toUnicodeEmail } from '../mail/unicode-email'
import { ListDeleteButton } from './list-delete-button'
import { ListEditForm } from './list-edit-form'
import { ListTabs } from './list-tabs'
import { Fact } from '../../components/fact'

function ListAddresses({ list }: { list: MailingListRow }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('mailingLists.detail.addresses')}>
      <Stack gap="md">
        <Title order={4}>{t('mailingLists.detail.addresses')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label={t('mailingLists.detail.mailmanAddress')}>{list.address}</Fact>
          <Fact label={t('mailingLists.detail.customAddress')}>
            {list.customAddress
              ? toUnicodeEmail(list.customAddress)
              : t('mailingLists.detail.noCustomAddress')}
          </Fact>
          <Fact label={t('mailingLists.detail.owner')}>{list.adminEmail}</Fact>
          <Fact label={t('mailingLists.detail.webPage')}>
            <Anchor href={list.url} target="_blank" rel="noreferrer" size="sm">
              {list.url}
            </Anchor>
          </Fact>
        </SimpleGrid>
        {!list.effectiveActive && (
          <Text size="sm" c="orange">
            {t('mailingLists.detail.inactiveNote')}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

export function ListPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('mailingLists:get', { id })
  if (query.isError) {
    return (
      <Page title={t('mailingLists.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    )
  }
  if (!query.data) return <PageLoader />
  const list = query.data

  return (
    <Page
      title={list.name}
      description={
        <Anchor component={Link} to={`/accounts/${list.accountId}`} size="sm">
          {list.accountUsername}
        </Anchor>
      }
      crumbs={[{ label: t('mailingLists.title'), to: '/services/mailing-lists' }]}
      badges={<ActiveBadge active={list.effectiveActive} />}
      actions={<ListDeleteButton id={list.id} name={list.name} />}
      ready={query.isSuccess && !query.isFetching}
    >
      <ListTabs listId={list.id}>
        <Stack gap="lg">
          <ListAddresses list={list} />
          <ListEditForm key={list.version} list={list} />
        </Stack>
      </ListTabs>
    </Page>
  )
}
