import { Button, Text } from '@mantine/core'
import { IconCopy, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { Service } from '../../../../src-shared/schemas/billing-services'
import { useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Disabling keeps the orders but creates and updates none (spec billing 2.3). */
function ToggleButton({ service }: { service: Service }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const update = useChannelMutation('billingServices:update')
  const label = t(service.isActive ? 'billing.services.disable' : 'billing.services.enable')
  const handleClick = () =>
    update.mutate(
      { id: service.id, version: service.version, isActive: !service.isActive },
      {
        onSuccess: (saved) =>
          notifySuccess(
            t(saved.isActive ? 'billing.services.enabled' : 'billing.services.disabled', {
              name: saved.description,
            }),
          ),
        onError: (error) => notifyFailure(label, error),
      },
    )
  return (
    <Button
      variant="default"
      leftSection={service.isActive ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
      onClick={handleClick}
      loading={update.isPending}
      disabled={readOnly}
    >
      {label}
    </Button>
  )
}

/** Clone, enable or disable, and delete (refused by main once the service has orders). */
export function ServiceActions({ service }: { service: Service }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const remove = useChannelMutation('billingServices:delete')
  const handleDelete = (close: () => void) =>
    remove.mutate(
      { id: service.id },
      {
        onSuccess: () => {
          close()
          notifySuccess(t('billing.services.deleted', { name: service.description }))
          navigate('/billing/services')
        },
        onError: (error) => {
          close()
          notifyFailure(t('billing.services.deleteTitle'), error)
        },
      },
    )

  return (
    <>
      <Button
        variant="default"
        component={Link}
        to={`/billing/services/new?clone=${service.id}`}
        leftSection={<IconCopy size={16} />}
      >
        {t('billing.services.clone')}
      </Button>
      <ToggleButton service={service} />
      <DeleteButton
        title={t('billing.services.deleteTitle')}
        confirmLabel={t('billing.services.deleteConfirm')}
        loading={remove.isPending}
        onConfirm={handleDelete}
      >
        <Text size="sm">{t('billing.services.deleteBody', { name: service.description })}</Text>
      </DeleteButton>
    </>
  )
}
