import { ActionIcon, Button, Group, Select, Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { optionAllowed, WEBAPP_OPTION_NAMES } from '../../../../src-shared/schemas/webapps'
import type { WebappFormValues } from './webapp-form-values'

/** The options of an app, one row each: only those the type's groups allow are offered. */
export function WebappOptionsFields({ form }: { form: UseFormReturnType<WebappFormValues> }) {
  const { t } = useTranslation()
  const values = form.getValues()
  const allowed = WEBAPP_OPTION_NAMES.filter((name) => optionAllowed(values.type, name))
  const taken = new Set(values.options.map((option) => option.name))

  return (
    <Stack gap="sm">
      {values.options.map((option, index) => (
        <Group key={form.key(`options.${index}`)} align="flex-start" gap="sm" wrap="nowrap">
          <Select
            label={t('webapps.form.option')}
            data={allowed.map((name) => ({
              value: name,
              label: name,
              disabled: taken.has(name) && name !== option.name,
            }))}
            searchable
            allowDeselect={false}
            w={260}
            {...form.getInputProps(`options.${index}.name`)}
          />
          <TextInput
            label={t('webapps.form.value')}
            autoComplete="off"
            spellCheck={false}
            style={{ flex: 1 }}
            {...form.getInputProps(`options.${index}.value`)}
          />
          <ActionIcon
            mt={26}
            variant="subtle"
            color="red"
            aria-label={t('webapps.form.removeOption', { name: option.name || index + 1 })}
            onClick={() => form.removeListItem('options', index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={allowed.length === 0}
          onClick={() => form.insertListItem('options', { name: '', value: '' })}
        >
          {t('webapps.form.addOption')}
        </Button>
      </Group>
    </Stack>
  )
}
