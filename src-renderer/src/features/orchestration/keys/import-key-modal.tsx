import {
  Button,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { keyImportSchema } from '../../../../../src-shared/schemas/orchestration'
import { schemaErrors } from '../../../api/errors'
import { useChannelMutation } from '../../../api/queries'
import { FormIssuesAlert } from '../../../components/form-issues-alert'
import { requiredInput } from '../../../components/required'
import { monoInput } from '../common/mono-input'
import { useSubmitErrors } from '../../../hooks/use-submit-errors'
import { notifySuccess } from '../../../lib/notify'

/** The private key goes once to main, which keeps it in the OS keychain; it never comes back. */
function ImportKeyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const importKey = useChannelMutation('keys:import')
  const form = useForm({
    initialValues: { label: '', privateKey: '', passphrase: '' },
    validate: (values) => schemaErrors(keyImportSchema, values),
  })
  const submitErrors = useSubmitErrors(form, t('keys.import'))

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    importKey.mutate(keyImportSchema.parse(values), {
      onSuccess: (key) => {
        notifySuccess(t('keys.imported', { label: key.label }))
        onDone()
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  return (
    <form id={submitErrors.formId} onSubmit={handleSubmit} noValidate aria-label={t('keys.import')}>
      <Stack gap="md">
        <Text size="sm">{t('keys.importBody')}</Text>
        <FormIssuesAlert issues={submitErrors.unplaced} />
        <TextInput
          label={t('keys.label')}
          data-autofocus
          {...requiredInput}
          {...form.getInputProps('label')}
        />
        <Textarea
          label={t('keys.privateKey')}
          description={t('keys.privateKeyHint')}
          placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
          autosize
          minRows={6}
          maxRows={12}
          {...monoInput}
          spellCheck={false}
          autoComplete="off"
          {...requiredInput}
          {...form.getInputProps('privateKey')}
        />
        <PasswordInput
          label={t('keys.passphrase')}
          description={t('keys.passphraseHint')}
          autoComplete="off"
          {...form.getInputProps('passphrase')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={importKey.isPending}>
            {t('keys.importSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function ImportKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('keys.import')} size="lg">
      <ImportKeyForm onDone={onClose} />
    </Modal>
  )
}
