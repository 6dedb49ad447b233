import { useState } from 'react'
import { Button, Group, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import {
  contactCreateSchema,
  contactDisplayName,
  contactUpdateSchema,
  type Contact,
} from '../../../../src-shared/schemas/contacts'
import { useApi } from '../../api/client-context'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { useFormDefaults } from '../../hooks/use-form-defaults'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { ContactFields } from './contact-fields'
import { contactToForm, emptyContact, type ContactFormValues } from './contact-form-values'

interface ContactFormProps {
  title: string
  accountId: number
  contact?: Contact
  onDone: () => void
}

function initialValues(country: string, contact?: Contact): ContactFormValues {
  if (contact) return contactToForm(contact)
  const { formKey: _key, ...values } = emptyContact(country)
  return values
}

/** Adds a contact to an account, or edits one; the same rules as main, from the shared schema. */
export function ContactForm({ title, accountId, contact, onDone }: ContactFormProps) {
  const { t } = useTranslation()
  const api = useApi()
  const { country } = useFormDefaults().defaults
  // The version this edit is based on; moves forward when the user loads a newer one.
  const [version, setVersion] = useState(contact?.version ?? 1)
  const create = useChannelMutation('contacts:create')
  const update = useChannelMutation('contacts:update')
  const schema = contact ? contactUpdateSchema : contactCreateSchema
  const identity = contact ? { id: contact.id, version } : { accountId }
  const form = useForm<ContactFormValues>({
    initialValues: initialValues(country, contact),
    validate: (values) => schemaErrors(schema, { ...values, ...identity }),
  })
  const submitErrors = useSubmitErrors(form, title)

  const handleSaved = (saved: Contact) => {
    const name = contactDisplayName(saved)
    notifySuccess(contact ? t('contactForm.saved', { name }) : t('contactForm.created', { name }))
    onDone()
  }

  const handleLoadLatest = async () => {
    if (!contact) return
    try {
      const latest = await api['contacts:get']({ id: contact.id })
      form.setValues(contactToForm(latest))
      setVersion(latest.version)
      submitErrors.clear()
    } catch (error) {
      notifyFailure(t('accountForm.loadLatest'), error)
    }
  }

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    const options = { onSuccess: handleSaved, onError: submitErrors.handleError }
    if (contact) update.mutate(contactUpdateSchema.parse({ ...values, ...identity }), options)
    else create.mutate(contactCreateSchema.parse({ ...values, accountId }), options)
  }, submitErrors.focusError)

  return (
    <form id={submitErrors.formId} onSubmit={handleSubmit} noValidate aria-label={title}>
      <Stack gap="md">
        {submitErrors.conflict && (
          <ConflictAlert
            title={t('contactForm.conflictTitle')}
            body={t('contactForm.conflictBody')}
            action={
              <Button size="xs" variant="white" color="orange" onClick={handleLoadLatest}>
                {t('accountForm.loadLatest')}
              </Button>
            }
          />
        )}
        <FormIssuesAlert issues={submitErrors.unplaced} />
        <ContactFields
          values={form.values}
          errors={form.errors}
          onChange={(field, value) => form.setFieldValue(field, value as never)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {contact ? t('common.save') : t('contactForm.addTitle')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
