import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { RECORD_TYPES, type RecordType } from '../../../../src-shared/schemas/domains'
import { emptyRecord, type RecordDraft } from './domain-form-values'

type Form<V extends object> = UseFormReturnType<V>

/** Mantine's path typing cannot follow a field chosen at run time inside a list item. */
type LoosePath = Parameters<Form<{ records: RecordDraft[] }>['setFieldValue']>[0]

/** Where the records sit in the form's values: `records`, or `domains.2.records` in bulk. */
interface EditorProps<V extends object> {
  form: Form<V>
  records: RecordDraft[]
  path?: string
}

const TYPE_OPTIONS = RECORD_TYPES.map((type) => ({ value: type, label: type }))

function RecordRow<V extends object>(props: EditorProps<V> & { index: number }) {
  const { form, index, path = 'records' } = props
  const { t } = useTranslation()
  const record = props.records[index]!
  const prefix = `${path}.${index}.`
  const legend = t('domainForm.recordLegend', { index: index + 1 })
  const set = (field: 'type' | 'value' | 'ttl', value: string) =>
    form.setFieldValue((prefix + field) as LoosePath, value as never)

  return (
    <Group role="group" aria-label={legend} gap="xs" align="flex-start" wrap="nowrap">
      <Select
        aria-label={t('domainForm.type')}
        data={TYPE_OPTIONS}
        value={record.type}
        onChange={(value) => value && set('type', value as RecordType)}
        allowDeselect={false}
        error={form.errors[`${prefix}type`]}
        w={110}
      />
      <TextInput
        aria-label={t('domainForm.value')}
        placeholder={t(`domainForm.placeholders.${record.type}`)}
        value={record.value}
        onChange={(event) => set('value', event.currentTarget.value)}
        error={form.errors[`${prefix}value`]}
        autoComplete="off"
        spellCheck={false}
        style={{ flex: 1 }}
      />
      <TextInput
        aria-label={t('domainForm.ttl')}
        placeholder={t('domainForm.ttlPlaceholder')}
        value={record.ttl}
        onChange={(event) => set('ttl', event.currentTarget.value)}
        error={form.errors[`${prefix}ttl`]}
        w={110}
      />
      <Tooltip label={t('domainForm.removeRecord', { index: index + 1 })}>
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          aria-label={t('domainForm.removeRecord', { index: index + 1 })}
          onClick={() => form.removeListItem(path as LoosePath, index)}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}

function RecordsHeader() {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="nowrap" aria-hidden>
      <Text size="sm" fw={600} w={110}>
        {t('domainForm.type')}
      </Text>
      <Text size="sm" fw={600} style={{ flex: 1 }}>
        {t('domainForm.value')}
      </Text>
      <Text size="sm" fw={600} w={110}>
        {t('domainForm.ttl')}
      </Text>
      <Text w={34} />
    </Group>
  )
}

/** The records of a domain as rows of type, value and TTL; the value's help follows the type. */
export function RecordsEditor<V extends object>({
  form,
  records,
  path = 'records',
}: EditorProps<V>) {
  const { t } = useTranslation()

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('domainForm.recordsHint')}
      </Text>
      {records.length > 0 ? <RecordsHeader /> : <Text size="sm">{t('domainForm.noRecords')}</Text>}
      {records.map((record, index) => (
        <RecordRow key={record.formKey} form={form} records={records} path={path} index={index} />
      ))}
      {/* A refusal of the records as a whole, when no record is left to carry it. */}
      {records.length === 0 && form.errors[path] && (
        <Text size="sm" c="red" role="alert">
          {form.errors[path]}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem(path as LoosePath, emptyRecord() as never)}
        >
          {t('domainForm.addRecord')}
        </Button>
      </Group>
    </Stack>
  )
}
