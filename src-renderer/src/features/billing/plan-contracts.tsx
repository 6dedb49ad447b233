import { useState } from 'react'
import { ActionIcon, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { Plan } from '../../../../src-shared/schemas/billing-services'
import { issueMessage, validationIssues } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { AccountSelect } from '../domains/account-select'

/** Gives the plan to one more account; a second contract of a single plan is refused inline. */
function ContractAdd({ plan }: { plan: Plan }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [accountId, setAccountId] = useState<string | null>(null)
  const [error, setError] = useState<string | undefined>()
  const create = useChannelMutation('contractedPlans:create')

  const handleAdd = () => {
    setError(undefined)
    create.mutate(
      { planId: plan.id, accountId: Number(accountId) || 0 },
      {
        onSuccess: () => {
          notifySuccess(t('billing.contracts.added', { plan: plan.name }))
          setAccountId(null)
        },
        onError: (failure) => {
          const [issue] = validationIssues(failure)
          if (issue) setError(issueMessage(issue))
          else notifyFailure(t('billing.contracts.add'), failure)
        },
      },
    )
  }

  return (
    <Group gap="sm" align="flex-start">
      <AccountSelect
        label={t('billing.contracts.account')}
        placeholder={t('billing.contracts.accountSearch')}
        value={accountId}
        onChange={(value) => {
          setAccountId(value)
          setError(undefined)
        }}
        error={error}
        w={320}
      />
      <Button
        mt={25}
        leftSection={<IconPlus size={16} />}
        onClick={handleAdd}
        loading={create.isPending}
        disabled={readOnly || !accountId}
      >
        {t('billing.contracts.add')}
      </Button>
    </Group>
  )
}

/** The accounts that hold the plan (spec billing 3): a contract is active with both. */
export function PlanContracts({ plan }: { plan: Plan }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const query = useChannelQuery('contractedPlans:list', { planId: plan.id })
  const remove = useChannelMutation('contractedPlans:delete')
  const rows = query.data ?? []

  return (
    <Paper
      withBorder
      p="lg"
      maw={720}
      component="section"
      aria-label={t('billing.contracts.title')}
    >
      <Stack gap="md">
        <Title order={4}>{t('billing.contracts.title')}</Title>
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(plan.isDefault ? 'billing.contracts.noneDefault' : 'billing.contracts.none')}
          </Text>
        )}
        {rows.length > 0 && (
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm">
                      {row.accountUsername}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ActiveBadge active={row.active} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('billing.contracts.remove', { account: row.accountUsername })}
                      disabled={readOnly}
                      onClick={() =>
                        remove.mutate(
                          { id: row.id },
                          { onError: (e) => notifyFailure(t('billing.contracts.removeTitle'), e) },
                        )
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <ContractAdd plan={plan} />
      </Stack>
    </Paper>
  )
}
