import { Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { Plan } from '../../../../src-shared/schemas/billing-services'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import classes from '../../components/table.module.css'
import { TableSkeleton } from '../../components/table-skeleton'
import { WriteLinkButton } from '../../components/write-link-button'

function PlanFlags({ plan }: { plan: Plan }) {
  const { t } = useTranslation()
  const flags = (['isDefault', 'isCombinable', 'allowMultiple'] as const).filter((f) => plan[f])
  return (
    <Group gap={4}>
      {flags.map((flag) => (
        <Badge key={flag} variant="light" color="gray">
          {t(`billing.plans.fields.${flag}`)}
        </Badge>
      ))}
    </Group>
  )
}

function PlanRow({ plan }: { plan: Plan }) {
  const navigate = useNavigate()
  const path = `/billing/plans/${plan.id}`
  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm">
          {plan.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{plan.verboseName}</Text>
      </Table.Td>
      <Table.Td>
        <PlanFlags plan={plan} />
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={plan.isActive} />
      </Table.Td>
    </Table.Tr>
  )
}

/** Plans (spec billing 3): the rate tables an account gets by default or by contract. */
export function PlansPage() {
  const { t } = useTranslation()
  const query = useChannelQuery('plans:list', {})
  const plans = query.data ?? []

  return (
    <Page
      title={t('billing.plans.title')}
      description={t('billing.plans.description')}
      actions={
        <WriteLinkButton to="/billing/plans/new" leftSection={<IconPlus size={16} />}>
          {t('billing.plans.new')}
        </WriteLinkButton>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Paper withBorder>
        {query.isPending && <TableSkeleton />}
        {query.isSuccess && plans.length === 0 && (
          <Text p="lg" c="dimmed" size="sm">
            {t('billing.plans.empty')}
          </Text>
        )}
        {plans.length > 0 && (
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billing.plans.fields.name')}</Table.Th>
                <Table.Th>{t('billing.plans.fields.verboseName')}</Table.Th>
                <Table.Th>{t('billing.plans.columns.flags')}</Table.Th>
                <Table.Th>{t('billing.plans.columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.map((plan) => (
                <PlanRow key={plan.id} plan={plan} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Page>
  )
}
