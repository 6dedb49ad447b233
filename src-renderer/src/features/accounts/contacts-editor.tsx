import { ActionIcon, Button, Fieldset, Group, Stack, Text, Tooltip } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ContactFields } from '../contacts/contact-fields'
import {
  emptyContact,
  type ContactField,
  type ContactFormValues,
} from '../contacts/contact-form-values'
import type { AccountCreateValues } from './account-form-values'

type Form = UseFormReturnType<AccountCreateValues>

/** Mantine's path typing cannot follow a field chosen at run time inside a list item. */
type LoosePath = Parameters<Form['setFieldValue']>[0]

function ContactFieldset({ form, index }: { form: Form; index: number }) {
  const { t } = useTranslation()
  const values = form.values.contacts[index]!
  const prefix = `contacts.${index}.`
  const errors = Object.fromEntries(
    Object.keys(values).map((field) => [field, form.errors[prefix + field]]),
  ) as Partial<Record<ContactField, React.ReactNode>>
  const legend = t('contactForm.legend', { index: index + 1 })
  const canRemove = form.values.contacts.length > 1

  const handleChange = <F extends ContactField>(field: F, value: ContactFormValues[F]) =>
    form.setFieldValue((prefix + field) as LoosePath, value as never)

  return (
    <Fieldset legend={legend} variant="filled">
      <Stack gap="sm">
        {canRemove && (
          <Group justify="flex-end" mb={-8}>
            <Tooltip label={t('contactForm.remove', { index: index + 1 })}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('contactForm.remove', { index: index + 1 })}
                onClick={() => form.removeListItem('contacts', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
        <ContactFields values={values} errors={errors} onChange={handleChange} />
      </Stack>
    </Fieldset>
  )
}

/** The contacts of a new account: at least one, added and removed in place. */
export function ContactsEditor({ form, defaultCountry }: { form: Form; defaultCountry: string }) {
  const { t } = useTranslation()

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('accountForm.contactsHint')}
      </Text>
      {form.values.contacts.map((contact, index) => (
        <ContactFieldset key={contact.formKey} form={form} index={index} />
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem('contacts', emptyContact(defaultCountry))}
        >
          {t('accountForm.addContact')}
        </Button>
      </Group>
    </Stack>
  )
}
