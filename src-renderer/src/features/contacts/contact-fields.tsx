import { useMemo, type ReactNode } from 'react'
import { Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { EMAIL_USAGES, type EmailUsage } from '../../../../src-shared/schemas/contacts'
import { requiredInput } from '../../components/required'
import { countryOptions } from '../../lib/countries'
import type { ContactField, ContactFormValues } from './contact-form-values'

interface ContactFieldsProps {
  values: ContactFormValues
  errors: Partial<Record<ContactField, ReactNode>>
  onChange: <F extends ContactField>(field: F, value: ContactFormValues[F]) => void
}

/**
 * The inputs of one contact. Form-agnostic, so the account form (a list of contacts) and the
 * contact dialog (one contact) share it.
 */
export function ContactFields({ values, errors, onChange }: ContactFieldsProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const countries = useMemo(() => countryOptions(language), [language])
  const text = (field: Exclude<ContactField, 'emailUsage'>) => ({
    value: values[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange(field, event.currentTarget.value),
  })

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('contactForm.shortName')} {...requiredInput} {...text('shortName')} />
        <TextInput label={t('contactForm.fullName')} {...text('fullName')} />
      </SimpleGrid>
      <TextInput
        label={t('contactForm.email')}
        type="email"
        {...requiredInput}
        {...text('email')}
      />
      <Checkbox.Group
        label={t('contactForm.emailUsage')}
        description={t('contactForm.emailUsageHint')}
        value={values.emailUsage}
        onChange={(usages) => onChange('emailUsage', usages as EmailUsage[])}
        error={errors.emailUsage}
      >
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt="xs">
          {EMAIL_USAGES.map((usage) => (
            <Checkbox key={usage} value={usage} label={t(`emailUsages.${usage}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('contactForm.phone')} type="tel" {...text('phone')} />
        <TextInput label={t('contactForm.phone2')} type="tel" {...text('phone2')} />
      </SimpleGrid>
      <Textarea label={t('contactForm.address')} autosize minRows={2} {...text('address')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={t('contactForm.zipcode')} {...text('zipcode')} />
        <TextInput label={t('contactForm.city')} {...text('city')} />
        <Select
          label={t('contactForm.country')}
          placeholder={t('contactForm.countryPlaceholder')}
          data={countries}
          value={values.country || null}
          onChange={(country) => onChange('country', country ?? '')}
          error={errors.country}
          searchable
          clearable
        />
      </SimpleGrid>
    </Stack>
  )
}
