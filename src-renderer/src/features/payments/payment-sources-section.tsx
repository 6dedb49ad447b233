import { useState } from 'react'
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconCircleCheck, IconCircleOff, IconPencil, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PaymentSourceView } from '../../../../src-shared/schemas/payments'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { MethodIcon } from './payment-badges'
import { SourceFormModal } from './source-form-modal'
import { DeleteSourceButton } from './delete-source-button'

const dataText = (source: PaymentSourceView, key: string) => {
  const value = source.data[key]
  return typeof value === 'string' && value ? value : '—'
}

function SourceActions(props: { source: PaymentSourceView; onEdit: () => void }) {
  const { source } = props
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const update = useChannelMutation('paymentSources:update')
  const name = source.label || source.number
  const handleActive = (isActive: boolean) =>
    update.mutate(
      { id: source.id, version: source.version, isActive },
      {
        onSuccess: () => {
          setAsking(false)
          const key = isActive ? 'payments.sources.activated' : 'payments.sources.deactivated'
          notifySuccess(t(key, { label: name }))
        },
        onError: (error) => notifyFailure(t('payments.sources.deactivate'), error),
      },
    )

  return (
    <Group gap={6} justify="flex-end" wrap="nowrap">
      <Button
        size="compact-xs"
        variant="light"
        leftSection={<IconPencil size={14} />}
        onClick={props.onEdit}
        aria-label={t('payments.sources.editOne', { label: name })}
      >
        {t('common.edit')}
      </Button>
      {source.isActive ? (
        <Button
          size="compact-xs"
          variant="light"
          color="orange"
          leftSection={<IconCircleOff size={14} />}
          onClick={() => setAsking(true)}
          aria-label={t('payments.sources.deactivateOne', { label: name })}
        >
          {t('payments.sources.deactivate')}
        </Button>
      ) : (
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconCircleCheck size={14} />}
          loading={update.isPending}
          onClick={() => handleActive(true)}
          aria-label={t('payments.sources.activateOne', { label: name })}
        >
          {t('payments.sources.activate')}
        </Button>
      )}
      <DeleteSourceButton source={source} />
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        onConfirm={() => handleActive(false)}
        title={t('payments.sources.deactivateTitle', { label: name })}
        confirmLabel={t('payments.sources.deactivate')}
        color="orange"
        loading={update.isPending}
      >
        <Text size="sm">{t('payments.sources.deactivateExplain')}</Text>
      </ConfirmModal>
    </Group>
  )
}

/** The source's name, marked when it is the account's default or no longer offered. */
function SourceName({ source, isDefault }: { source: PaymentSourceView; isDefault: boolean }) {
  const { t } = useTranslation()
  return (
    <Group gap={6}>
      <Text size="sm" fw={600} c={source.isActive ? undefined : 'dimmed'}>
        {source.label || t(`payments.methods.${source.method}`)}
      </Text>
      {isDefault && (
        <Badge variant="outline" color="indigo" miw="max-content">
          {t('payments.sources.default')}
        </Badge>
      )}
      {!source.isActive && (
        <Badge variant="light" color="gray" miw="max-content">
          {t('payments.sources.inactive')}
        </Badge>
      )}
    </Group>
  )
}

function SourcesTable(props: {
  sources: PaymentSourceView[]
  onEdit: (source: PaymentSourceView) => void
}) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  // The account's default source is its first active one (spec 9.1).
  const defaultId = props.sources.find((source) => source.isActive)?.id
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" aria-label={t('payments.sources.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>{t('payments.sources.columns.method')}</Table.Th>
            <Table.Th>{t('payments.sources.columns.label')}</Table.Th>
            <Table.Th>{t('payments.sources.columns.iban')}</Table.Th>
            <Table.Th>{t('payments.sources.columns.mandate')}</Table.Th>
            {!readOnly && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.sources.map((source) => (
            <Table.Tr key={source.id}>
              <Table.Td>
                <MethodIcon method={source.method} />
              </Table.Td>
              <Table.Td>
                <SourceName source={source} isDefault={source.id === defaultId} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {source.number || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {dataText(source, 'mandateId')}
                </Text>
                {source.method === 'SEPA_DIRECT_DEBIT' && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('payments.sources.signed', { date: dataText(source, 'signedOn') })}
                  </Text>
                )}
              </Table.Td>
              {!readOnly && (
                <Table.Td>
                  <SourceActions source={source} onEdit={() => props.onEdit(source)} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The account page's payment sources: how its bills are collected or refunded. */
export function AccountPaymentSources({ accountId }: { accountId: number }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const query = useChannelQuery('paymentSources:list', { accountId })
  const [editing, setEditing] = useState<PaymentSourceView | 'new' | null>(null)
  const sources = query.data ?? []
  const title = t('payments.sources.title')

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{`${title} (${sources.length})`}</Title>
          {!readOnly && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing('new')}
            >
              {t('payments.sources.add')}
            </Button>
          )}
        </Group>
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && sources.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('payments.sources.empty')}
          </Text>
        )}
        {sources.length > 0 && <SourcesTable sources={sources} onEdit={setEditing} />}
      </Stack>
      {editing && (
        <SourceFormModal
          accountId={accountId}
          source={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  )
}
