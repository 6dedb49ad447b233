import {
  Checkbox,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { TLS_MODES } from '../../../../src-shared/schemas/database'
import { requiredInput } from '../../components/required'
import { monoInput } from '../orchestration/common/mono-input'
import type { ConnectionFormValues } from './connection-values'

type ConnectionForm = UseFormReturnType<ConnectionFormValues>

interface ConnectionFieldsProps {
  form: ConnectionForm
  /** Offer to keep the password in the OS keychain (connecting, not copying). */
  withRemember?: boolean
  keychainAvailable?: boolean
}

function KindField({ form }: { form: ConnectionForm }) {
  const { t } = useTranslation()
  const labelId = useId()
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {t('database.form.kind')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        data={[
          { value: 'postgres', label: t('database.form.kinds.postgres') },
          { value: 'sqlite', label: t('database.form.kinds.sqlite') },
        ]}
        {...form.getInputProps('kind')}
      />
    </Stack>
  )
}

function TlsFields({ form }: { form: ConnectionForm }) {
  const { t } = useTranslation()
  const options = TLS_MODES.map((mode) => ({
    value: mode,
    label: t(`database.tls.${mode}.label`),
  }))
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('database.form.tls')}
        description={t(`database.tls.${form.values.tls}.help`)}
        data={options}
        allowDeselect={false}
        {...form.getInputProps('tls')}
      />
      {form.values.tls === 'verify-full' && (
        <TextInput
          label={t('database.form.caFile')}
          description={t('database.form.caFileHint')}
          placeholder="/etc/ssl/certs/team-ca.crt"
          {...monoInput}
          {...form.getInputProps('caFile')}
        />
      )}
    </SimpleGrid>
  )
}

function PostgresFields({ form, withRemember, keychainAvailable }: ConnectionFieldsProps) {
  const { t } = useTranslation()
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('database.form.host')}
          placeholder="db.example.net"
          {...requiredInput}
          {...monoInput}
          {...form.getInputProps('host')}
        />
        <NumberInput
          label={t('database.form.port')}
          min={1}
          max={65535}
          allowDecimal={false}
          {...form.getInputProps('port')}
        />
        <TextInput
          label={t('database.form.database')}
          {...requiredInput}
          {...monoInput}
          {...form.getInputProps('database')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('database.form.user')}
          {...requiredInput}
          {...monoInput}
          {...form.getInputProps('user')}
        />
        <PasswordInput
          label={t('database.form.password')}
          description={t('database.form.passwordHint')}
          autoComplete="off"
          {...form.getInputProps('password')}
        />
      </SimpleGrid>
      <TlsFields form={form} />
      {withRemember && (
        <Checkbox
          label={t('database.form.rememberPassword')}
          description={
            keychainAvailable === false
              ? t('database.form.rememberUnavailable')
              : t('database.form.rememberHint')
          }
          {...form.getInputProps('rememberPassword', { type: 'checkbox' })}
        />
      )}
    </>
  )
}

/** Where a database is: a SQLite file, or a PostgreSQL server and how to reach it safely. */
export function ConnectionFields(props: ConnectionFieldsProps) {
  const { t } = useTranslation()
  const { form } = props
  return (
    <Stack gap="md">
      <KindField form={form} />
      {form.values.kind === 'sqlite' ? (
        <TextInput
          label={t('database.form.file')}
          description={t('database.form.fileHint')}
          placeholder="orchestra.sqlite"
          {...monoInput}
          {...form.getInputProps('file')}
        />
      ) : (
        <PostgresFields {...props} />
      )}
    </Stack>
  )
}
