import { Button, List, Loader, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Domain } from '../../../../src-shared/schemas/domains'
import { channelKey, useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { toUnicodeName } from '../../lib/domain-unicode'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { useSubdomains } from './use-subdomains'

/** What goes with the domain: a top domain takes its subdomains and its whole zone. */
function DeleteDomainPreview({ domain, opened }: { domain: Domain; opened: boolean }) {
  const { t } = useTranslation()
  // Asked for on opening, so the list reflects the subdomains as they are now.
  const subdomains = useSubdomains(domain, opened)
  const isTop = domain.topId === null

  return (
    <Stack gap="sm">
      <Text size="sm">{t('deleteDomain.intro')}</Text>
      {isTop && subdomains.isPending && <Loader size="sm" />}
      {subdomains.isError && (
        <QueryError error={subdomains.error} onRetry={() => void subdomains.refetch()} />
      )}
      {subdomains.rows.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('deleteDomain.subdomains', { count: subdomains.rows.length })}
          </Text>
          <List size="sm" withPadding>
            {subdomains.rows.map((row) => (
              <List.Item key={row.id}>{toUnicodeName(row.name)}</List.Item>
            ))}
          </List>
        </div>
      )}
      <Text size="xs" c="dimmed">
        {t('deleteDomain.historyKept')}
      </Text>
    </Stack>
  )
}

export function DeleteDomainButton({ domain }: { domain: Domain }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [opened, { open, close }] = useDisclosure(false)
  const remove = useChannelMutation('domains:delete')
  const name = toUnicodeName(domain.name)

  const handleConfirm = () =>
    remove.mutate(
      { id: domain.id },
      {
        onSuccess: () => {
          close()
          queryClient.removeQueries({ queryKey: channelKey('domains:get', { id: domain.id }) })
          notifySuccess(t('deleteDomain.done', { name }))
          navigate('/services/domains')
        },
        onError: (error) => notifyFailure(t('deleteDomain.confirm'), error),
      },
    )

  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={open}
        disabled={readOnly}
      >
        {t('deleteDomain.button')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        onConfirm={handleConfirm}
        loading={remove.isPending}
        title={t('deleteDomain.title', { name })}
        confirmLabel={t('deleteDomain.confirm')}
      >
        <DeleteDomainPreview domain={domain} opened={opened} />
      </ConfirmModal>
    </>
  )
}
