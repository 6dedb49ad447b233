import type { ReactNode } from 'react'
import { Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AccountType, Language } from '../../../../src-shared/schemas/accounts'
import type { AccountFieldValues } from './account-form-values'
import { requiredInput } from '../../components/required'
import { accountTypeOptions, languageOptions } from './options'

type Field = keyof AccountFieldValues

interface AccountFieldsProps {
  values: AccountFieldValues
  errors: Partial<Record<string, ReactNode>>
  onChange: <F extends Field>(field: F, value: AccountFieldValues[F]) => void
}

/** Personal info of an account; the same inputs on the create and the edit form. */
export function AccountFields({ values, errors, onChange }: AccountFieldsProps) {
  const { t } = useTranslation()
  const text = (field: 'fullName' | 'shortName' | 'email' | 'comments') => ({
    value: values[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange(field, event.currentTarget.value),
  })

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('accountForm.fullName')} {...requiredInput} {...text('fullName')} />
        <TextInput label={t('accountForm.shortName')} {...text('shortName')} />
      </SimpleGrid>
      <TextInput
        label={t('accountForm.email')}
        description={t('accountForm.emailHint')}
        type="email"
        {...requiredInput}
        {...text('email')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('accountForm.type')}
          data={accountTypeOptions()}
          value={values.type}
          onChange={(type) => type && onChange('type', type as AccountType)}
          error={errors.type}
          allowDeselect={false}
        />
        <Select
          label={t('accountForm.language')}
          data={languageOptions()}
          value={values.language}
          onChange={(language) => language && onChange('language', language as Language)}
          error={errors.language}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Textarea label={t('accountForm.comments')} autosize minRows={3} {...text('comments')} />
      <Checkbox
        label={t('accountForm.isSuperuser')}
        description={t('accountForm.isSuperuserHint')}
        checked={values.isSuperuser}
        onChange={(event) => onChange('isSuperuser', event.currentTarget.checked)}
        error={errors.isSuperuser}
      />
    </Stack>
  )
}
