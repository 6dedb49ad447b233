import { Alert, Button, Checkbox, Group, PasswordInput, Select, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  keyInstallSchema,
  type Server,
  type SshKey,
} from '../../../../../src-shared/schemas/orchestration'
import { schemaErrors } from '../../../api/errors'
import { useChannelQuery } from '../../../api/queries'
import { requiredInput } from '../../../components/required'
import { useSubmitErrors } from '../../../hooks/use-submit-errors'
import { AuthorizedKeyLine } from './authorized-key-line'
import { useInstallKey } from './use-install-key'

interface InstallKeyFormProps {
  sshKey?: SshKey
  server?: Server
  onDone: () => void
}

export interface InstallValues {
  keyId: string | null
  serverId: string | null
  password: string
  useForServer: boolean
}

const toRequest = (values: InstallValues) => ({
  keyId: Number(values.keyId) || 0,
  serverId: Number(values.serverId) || 0,
  password: values.password,
})

/** Key and server, one of them fixed by where the dialog was opened, and a password. */
export function InstallKeyForm({ sshKey, server, onDone }: InstallKeyFormProps) {
  const { t } = useTranslation()
  const keys = useChannelQuery('keys:list', {})
  const servers = useChannelQuery('servers:list', {})
  const defaultKey = sshKey?.id ?? server?.keyId ?? keys.data?.[0]?.id
  const form = useForm<InstallValues>({
    initialValues: {
      keyId: defaultKey ? String(defaultKey) : null,
      serverId: server ? String(server.id) : null,
      password: '',
      useForServer: true,
    },
    validate: (values) => schemaErrors(keyInstallSchema, toRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, t('keys.install'))
  const install = useInstallKey()
  const chosenKey = keys.data?.find((key) => String(key.id) === form.values.keyId) ?? sshKey
  const chosenServer =
    servers.data?.find((entry) => String(entry.id) === form.values.serverId) ?? server
  const user = chosenServer?.sshUser ?? 'root'

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    if (!chosenKey || !chosenServer) return
    const request = keyInstallSchema.parse(toRequest(values))
    install.run(
      request,
      { key: chosenKey, server: chosenServer, use: values.useForServer },
      {
        onDone,
        onError: submitErrors.handleError,
      },
    )
  }, submitErrors.focusError)

  return (
    <form
      id={submitErrors.formId}
      onSubmit={handleSubmit}
      noValidate
      aria-label={t('keys.install')}
    >
      <Stack gap="md">
        {!sshKey && (
          <Select
            label={t('keys.installKey')}
            data={(keys.data ?? []).map((key) => ({ value: String(key.id), label: key.label }))}
            {...requiredInput}
            {...form.getInputProps('keyId')}
          />
        )}
        {!server && (
          <Select
            label={t('keys.installServer')}
            data={(servers.data ?? [])
              .filter((entry) => entry.method === 'ssh')
              .map((entry) => ({ value: String(entry.id), label: entry.name }))}
            {...requiredInput}
            {...form.getInputProps('serverId')}
          />
        )}
        {chosenKey && <AuthorizedKeyLine line={chosenKey.publicKey} />}
        {chosenServer && !chosenServer.hostKeyFingerprint && (
          <Alert color="orange" icon={<IconInfoCircle />}>
            {t('keys.installNeedsHostKey', { name: chosenServer.name })}
          </Alert>
        )}
        <PasswordInput
          label={t('keys.password', { user })}
          description={t('keys.passwordHint')}
          autoComplete="off"
          data-autofocus
          {...requiredInput}
          {...form.getInputProps('password')}
        />
        {chosenServer && chosenKey && chosenServer.keyId !== chosenKey.id && (
          <Checkbox
            label={t('keys.useForServer', { name: chosenServer.name })}
            {...form.getInputProps('useForServer', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={install.pending}>
            {t('keys.installSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
