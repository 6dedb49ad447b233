import {
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../../api/queries'
import { requiredInput } from '../../../components/required'
import { monoInput } from '../common/mono-input'
import type { ServerFormValues } from './server-form-values'

function MethodField({ form }: { form: UseFormReturnType<ServerFormValues> }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="server-method-label">
        {t('serverForm.method')}
      </Text>
      <SegmentedControl
        aria-labelledby="server-method-label"
        data={[
          { value: 'ssh', label: t('serverMethods.ssh') },
          { value: 'local', label: t('serverMethods.local') },
        ]}
        {...form.getInputProps('method')}
      />
      <Text size="xs" c="dimmed">
        {t('serverForm.methodHint')}
      </Text>
    </Stack>
  )
}

/** The inputs of the server form, shared by create and edit. */
export function ServerFields({ form }: { form: UseFormReturnType<ServerFormValues> }) {
  const { t } = useTranslation()
  const keys = useChannelQuery('keys:list', {})
  const keyOptions = (keys.data ?? []).map((key) => ({
    value: String(key.id),
    label: `${key.label} (${key.type})`,
  }))
  const ssh = form.values.method === 'ssh'

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('serverForm.name')}
          description={t('serverForm.nameHint')}
          autoFocus
          {...requiredInput}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('serverForm.address')}
          description={t('serverForm.addressHint')}
          {...monoInput}
          {...form.getInputProps('address')}
        />
      </SimpleGrid>
      <Textarea
        label={t('serverForm.description')}
        autosize
        minRows={2}
        {...form.getInputProps('description')}
      />
      <MethodField form={form} />
      {ssh && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('serverForm.sshUser')}
            {...monoInput}
            {...form.getInputProps('sshUser')}
          />
          <NumberInput
            label={t('serverForm.sshPort')}
            min={1}
            max={65535}
            allowDecimal={false}
            {...form.getInputProps('sshPort')}
          />
          <Select
            label={t('serverForm.key')}
            placeholder={t('serverForm.keyPlaceholder')}
            description={keyOptions.length === 0 ? t('serverForm.noKeys') : undefined}
            data={keyOptions}
            clearable
            {...form.getInputProps('keyId')}
          />
        </SimpleGrid>
      )}
    </Stack>
  )
}
