import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { keyGenerateSchema } from '../../../../../src-shared/schemas/orchestration'
import { schemaErrors } from '../../../api/errors'
import { useChannelMutation } from '../../../api/queries'
import { FormIssuesAlert } from '../../../components/form-issues-alert'
import { requiredInput } from '../../../components/required'
import { useSubmitErrors } from '../../../hooks/use-submit-errors'
import { notifySuccess } from '../../../lib/notify'

function GenerateKeyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const generate = useChannelMutation('keys:generate')
  const form = useForm({
    initialValues: { label: '' },
    validate: (values) => schemaErrors(keyGenerateSchema, values),
  })
  const submitErrors = useSubmitErrors(form, t('keys.generate'))

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    generate.mutate(keyGenerateSchema.parse(values), {
      onSuccess: (key) => {
        notifySuccess(t('keys.generated', { label: key.label }))
        onDone()
      },
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  return (
    <form
      id={submitErrors.formId}
      onSubmit={handleSubmit}
      noValidate
      aria-label={t('keys.generate')}
    >
      <Stack gap="md">
        <Text size="sm">{t('keys.generateBody')}</Text>
        <FormIssuesAlert issues={submitErrors.unplaced} />
        <TextInput
          label={t('keys.label')}
          description={t('keys.labelHint')}
          data-autofocus
          {...requiredInput}
          {...form.getInputProps('label')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={generate.isPending}>
            {t('keys.generateSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function GenerateKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('keys.generate')}>
      <GenerateKeyForm onDone={onClose} />
    </Modal>
  )
}
