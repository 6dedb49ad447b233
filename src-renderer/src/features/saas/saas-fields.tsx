import { Checkbox, PasswordInput, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { SAAS_CATALOGUE } from '../../../../src-shared/schemas/saas'
import { FormSection } from '../../components/form-section'
import { requiredInput } from '../../components/required'
import type { SaasFormValues } from './saas-form-values'

/**
 * What a service asks at sign-up (spec 8.2): an e-mail, a password, a custom URL, each only
 * where the service takes it. Editing, the password is a new one and may stay empty.
 */
export function SaasSignUpFields({
  form,
  editing = false,
}: {
  form: UseFormReturnType<SaasFormValues>
  editing?: boolean
}) {
  const { t } = useTranslation()
  const spec = SAAS_CATALOGUE[form.getValues().service]
  const passwordRule = editing ? {} : requiredInput

  return (
    <FormSection title={t('saas.form.sectionSignUp')}>
      {spec.fields.includes('email') && (
        <TextInput
          label={t('saas.form.email')}
          type="email"
          autoComplete="off"
          disabled={editing && spec.fixedFields.includes('email')}
          {...requiredInput}
          {...form.getInputProps('email')}
        />
      )}
      {spec.password !== 'none' && (
        <>
          <PasswordInput
            label={t(editing ? 'saas.form.newPassword' : 'saas.form.password')}
            description={t(editing ? 'saas.form.newPasswordHint' : 'saas.form.passwordHint')}
            autoComplete="new-password"
            {...passwordRule}
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('saas.form.passwordRepeat')}
            autoComplete="new-password"
            {...passwordRule}
            {...form.getInputProps('passwordRepeat')}
          />
        </>
      )}
      {spec.customUrl && (
        <TextInput
          label={t('saas.form.customUrl')}
          description={t(
            spec.customUrlRootOnly ? 'saas.form.customUrlRootHint' : 'saas.form.customUrlHint',
          )}
          placeholder="https://blog.example.org/"
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('customUrl')}
        />
      )}
      <Checkbox
        label={t('saas.form.active')}
        {...form.getInputProps('isActive', { type: 'checkbox' })}
      />
    </FormSection>
  )
}
