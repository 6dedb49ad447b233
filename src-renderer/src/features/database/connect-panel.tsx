import { useState } from 'react'
import { Button, Group, Stack, Text } from '@mantine/core'
import { IconPlugConnected } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { DatabaseStatus } from '../../../../src-shared/schemas/database'
import { ConfirmModal } from '../../components/confirm-modal'
import { FormSection } from '../../components/form-section'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifySuccess } from '../../lib/notify'
import { CheckResult, DatabaseErrorAlert } from './check-result'
import { ConnectionFields } from './connection-fields'
import { describeConnection, toConnection } from './connection-values'
import type { useConnectionForm } from './use-connection-form'
import { useConnectionTest } from './use-connection-test'
import { useDatabaseAction } from './use-database-calls'

function withoutQuery(location: string): string {
  return location.split('?')[0] ?? location
}

interface ConnectPanelProps {
  connection: ReturnType<typeof useConnectionForm>
  status: DatabaseStatus
}

/** Why Connect cannot be pressed, if it cannot. */
function useConnectBlock(status: DatabaseStatus): string | undefined {
  const { t } = useTranslation()
  if (useReadOnly()) return t('database.connect.readOnly')
  if (status.locked) return t('database.connect.locked')
  return undefined
}

/** Test a connection, then make it the database this workstation works on. */
export function ConnectPanel({ connection, status }: ConnectPanelProps) {
  const { t } = useTranslation()
  const { form, placeError } = connection
  const test = useConnectionTest(connection)
  const connect = useDatabaseAction('database:connect')
  const [confirming, setConfirming] = useState(false)
  const [failure, setFailure] = useState<unknown>()
  const blocked = useConnectBlock(status)
  const title = t('database.connect.title')

  const handleAsk = () => {
    if (form.validate().hasErrors) return
    setFailure(undefined)
    setConfirming(true)
  }

  const handleConnect = () => {
    connect.mutate(toConnection(form.getValues()), {
      onSuccess: (opened) => {
        setConfirming(false)
        form.setFieldValue('password', '')
        const kind = t(`header.databaseKind.${opened.kind}`)
        // The query part (TLS mode, CA file) is on the page; the notice names the server.
        notifySuccess(t('database.connect.done', { kind, location: withoutQuery(opened.location) }))
      },
      onError: (error) => {
        setConfirming(false)
        if (!placeError(error)) setFailure(error)
      },
    })
  }

  return (
    <FormSection title={title} description={t('database.connect.description')}>
      <ConnectionFields form={form} withRemember keychainAvailable={status.keychain.available} />
      <CheckResult check={test.check} />
      <DatabaseErrorAlert title={t('database.check.failed')} error={test.error} />
      <DatabaseErrorAlert title={t('database.connect.failed')} error={failure} />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {blocked}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={test.run} loading={test.pending}>
            {t('database.check.button')}
          </Button>
          <Button
            leftSection={<IconPlugConnected size={16} />}
            onClick={handleAsk}
            disabled={blocked !== undefined}
          >
            {t('database.connect.button')}
          </Button>
        </Group>
      </Group>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={handleConnect}
        title={t('database.connect.confirmTitle')}
        confirmLabel={t('database.connect.button')}
        color="blue"
        loading={connect.isPending}
      >
        <Stack gap="xs">
          <Text size="sm">{t('database.connect.confirmBody')}</Text>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {describeConnection(form.getValues())}
          </Text>
          <Text size="sm" c="dimmed">
            {t('database.connect.confirmNext')}
          </Text>
        </Stack>
      </ConfirmModal>
    </FormSection>
  )
}
