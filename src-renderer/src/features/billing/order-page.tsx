import { Anchor, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconEye, IconEyeOff, IconReceipt } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import type { OrderDetail } from '../../../../src-shared/schemas/billing-orders'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { OrderBadges } from './orders-table'
import { Fact } from '../../components/fact'

function OrderFacts({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const none = t('common.none')
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('billing.orders.detail.facts')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Fact label={t('billing.orders.columns.service')}>
          <Anchor component={Link} to={`/billing/services/${order.serviceId}`} size="sm">
            {order.serviceDescription}
          </Anchor>
        </Fact>
        <Fact label={t('billing.orders.columns.account')}>
          {order.accountId ? (
            <Anchor component={Link} to={`/accounts/${order.accountId}`} size="sm">
              {order.accountUsername}
            </Anchor>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('billing.orders.detail.object')}>
          {t(`billing.models.${order.contentType}`)} #{order.objectId}
        </Fact>
        <Fact label={t('billing.orders.columns.registeredOn')}>{order.registeredOn}</Fact>
        <Fact label={t('billing.orders.detail.cancelledOn')}>{order.cancelledOn ?? none}</Fact>
        <Fact label={t('billing.orders.detail.billedOn')}>{order.billedOn ?? none}</Fact>
        <Fact label={t('billing.orders.columns.billedUntil')}>{order.billedUntil ?? none}</Fact>
        <Fact label={t('billing.orders.detail.billedMetric')}>{order.billedMetric ?? none}</Fact>
        <Fact label={t('billing.orders.detail.lineText')}>{order.description}</Fact>
      </SimpleGrid>
    </Paper>
  )
}

function OrderMetrics({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('billing.orders.detail.metrics')}>
      <Stack gap="sm">
        <Title order={4}>{t('billing.orders.detail.metrics')}</Title>
        {order.metrics.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('billing.orders.detail.noMetrics')}
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billing.orders.detail.value')}</Table.Th>
                <Table.Th>{t('billing.orders.detail.since')}</Table.Th>
                <Table.Th>{t('billing.orders.detail.confirmed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.metrics.map((metric) => (
                <Table.Tr key={`${metric.createdOn}-${metric.value}`}>
                  <Table.Td ff="monospace">{metric.value}</Table.Td>
                  <Table.Td>{metric.createdOn}</Table.Td>
                  <Table.Td>{metric.updatedOn}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  )
}

function IgnoreButton({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const mark = useChannelMutation('orders:setIgnored')
  const label = t(order.ignore ? 'billing.orders.markNotIgnored' : 'billing.orders.markIgnored')
  return (
    <Button
      variant="default"
      leftSection={order.ignore ? <IconEye size={16} /> : <IconEyeOff size={16} />}
      loading={mark.isPending}
      disabled={readOnly}
      onClick={() =>
        mark.mutate(
          { ids: [order.id], ignore: !order.ignore },
          {
            onSuccess: () => notifySuccess(label),
            onError: (error) => notifyFailure(label, error),
          },
        )
      }
    >
      {label}
    </Button>
  )
}

/** One order: what it bills, how far it is billed, and its last measured values. */
export function OrderPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('orders:get', { id })
  const crumbs = [{ label: t('billing.orders.title'), to: '/billing/orders' }]
  if (query.isError) {
    return (
      <Page title={t('billing.orders.title')} crumbs={crumbs}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    )
  }
  if (!query.data) return <PageLoader />
  const order = query.data
  // The bills holding a line of this order, whichever account they were closed for.
  const bills = `/billing/bills?order=${order.id}`

  return (
    <Page
      title={order.contentObjectRepr}
      description={order.description}
      crumbs={crumbs}
      badges={<OrderBadges order={order} />}
      actions={
        <>
          <Button
            variant="default"
            component={Link}
            to={bills}
            leftSection={<IconReceipt size={16} />}
          >
            {t('billing.orders.detail.bills')}
          </Button>
          <IgnoreButton order={order} />
        </>
      }
      ready={!query.isFetching}
    >
      <OrderFacts order={order} />
      <OrderMetrics order={order} />
    </Page>
  )
}
