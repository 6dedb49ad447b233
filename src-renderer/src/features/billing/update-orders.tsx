import { useState } from 'react'
import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core'
import { IconEye, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type {
  OrderSyncDecision,
  OrderUpdateJob,
} from '../../../../src-shared/schemas/billing-orders'
import type { Service } from '../../../../src-shared/schemas/billing-services'
import { useChannelQuery } from '../../api/queries'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { useOrderUpdate } from './use-order-update'

const ACTION_COLORS = { create: 'teal', update: 'blue', cancel: 'orange', error: 'red' } as const

/** Rows shown of a dry run; the counts above the table cover every object. */
const SHOWN = 200

function DecisionSummary({ decisions }: { decisions: OrderSyncDecision[] }) {
  const { t } = useTranslation()
  const count = (action: OrderSyncDecision['action']) =>
    decisions.filter((decision) => decision.action === action).length
  return (
    <Text size="sm" fw={600} role="status">
      {t('billing.updateOrders.summary', {
        create: count('create'),
        update: count('update'),
        cancel: count('cancel'),
        error: count('error'),
      })}
    </Text>
  )
}

function DecisionTable({ decisions }: { decisions: OrderSyncDecision[] }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder>
      <Table verticalSpacing="xs" aria-label={t('billing.updateOrders.dryRunTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.updateOrders.object')}</Table.Th>
            <Table.Th>{t('billing.updateOrders.action')}</Table.Th>
            <Table.Th>{t('billing.updateOrders.order')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decisions.slice(0, SHOWN).map((decision) => (
            <Table.Tr key={`${decision.objectId}-${decision.orderId ?? 'new'}`}>
              <Table.Td>
                <Text size="sm">{decision.objectRepr}</Text>
                {decision.message && (
                  <Text size="xs" c="red">
                    {decision.message}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={ACTION_COLORS[decision.action]}>
                  {t(`billing.updateOrders.actions.${decision.action}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {decision.orderId ? (
                  <Link to={`/billing/orders/${decision.orderId}`}>#{decision.orderId}</Link>
                ) : (
                  t('common.none')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {decisions.length > SHOWN && (
        <Text size="sm" c="dimmed" p="sm">
          {t('billing.updateOrders.more', { count: decisions.length - SHOWN })}
        </Text>
      )}
    </Paper>
  )
}

function JobProgress({ job }: { job: OrderUpdateJob }) {
  const { t } = useTranslation()
  const percent = job.total === 0 ? 100 : Math.round((job.done / job.total) * 100)
  const color = job.state === 'failed' ? 'red' : job.state === 'done' ? 'teal' : 'blue'
  return (
    <Stack gap="xs" data-job-state={job.state}>
      <Progress
        value={percent}
        color={color}
        animated={job.state === 'running'}
        aria-label={t('billing.updateOrders.progress')}
      />
      <Text size="sm" role="status">
        {t(`billing.updateOrders.state.${job.state}`, {
          done: job.done,
          total: job.total,
          created: job.created,
          updated: job.updated,
          cancelled: job.cancelled,
          errors: job.errors,
        })}
      </Text>
      {job.message && (
        <Text size="sm" c="red">
          {job.message}
        </Text>
      )}
    </Stack>
  )
}

/**
 * "Update orders" (spec billing 2.3): first a dry run listing what each object's order would
 * do, then Apply, which runs in the background with its progress shown.
 */
export function UpdateOrders({ service }: { service: Service }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [asked, setAsked] = useState(false)
  const preview = useChannelQuery(
    'orders:previewUpdate',
    { serviceId: service.id },
    { enabled: asked },
  )
  const update = useOrderUpdate(service.id, t('billing.updateOrders.apply'))
  const decisions = preview.data ?? []
  const changes = decisions.length
  const running = update.job?.state === 'running' || update.starting

  return (
    <Stack gap="md" component="section" aria-label={t('billing.updateOrders.title')}>
      <Text size="sm" c="dimmed">
        {t('billing.updateOrders.intro')}
      </Text>
      {!service.isActive && <Alert color="orange">{t('billing.updateOrders.inactive')}</Alert>}
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconEye size={16} />}
          onClick={() => (asked ? void preview.refetch() : setAsked(true))}
          loading={preview.isFetching}
        >
          {t('billing.updateOrders.dryRun')}
        </Button>
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          onClick={() => void update.start()}
          loading={running}
          disabled={readOnly || !preview.data || changes === 0}
        >
          {t('billing.updateOrders.apply')}
        </Button>
        <Button variant="subtle" component={Link} to={`/billing/orders?service=${service.id}`}>
          {t('billing.updateOrders.seeOrders')}
        </Button>
      </Group>
      {preview.isError && (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      )}
      {update.job && <JobProgress job={update.job} />}
      {preview.data && changes === 0 && <Text size="sm">{t('billing.updateOrders.nothing')}</Text>}
      {changes > 0 && <DecisionSummary decisions={decisions} />}
      {changes > 0 && <DecisionTable decisions={decisions} />}
    </Stack>
  )
}
