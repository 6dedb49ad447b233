import { PasswordInput, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { requiredInput } from '../../components/required'

interface PasswordFormValues {
  passwordRepeat: string
}

/** Username (optional) and the password typed twice; `prefix` is where they sit in the form. */
export function NewUserFields<Values extends PasswordFormValues>({
  form,
  prefix,
  withUsername = true,
}: {
  form: UseFormReturnType<Values>
  prefix: string
  withUsername?: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      {withUsername && (
        <TextInput
          label={t('sqlDatabaseForm.username')}
          description={t('sqlDatabaseForm.usernameHint')}
          autoComplete="off"
          spellCheck={false}
          {...requiredInput}
          {...form.getInputProps(`${prefix}username`)}
        />
      )}
      <PasswordInput
        label={t('sqlDatabaseForm.password')}
        description={t('sqlDatabaseForm.passwordHint')}
        autoComplete="new-password"
        {...requiredInput}
        {...form.getInputProps(`${prefix}password`)}
      />
      <PasswordInput
        label={t('sqlDatabaseForm.passwordRepeat')}
        autoComplete="new-password"
        {...requiredInput}
        {...form.getInputProps('passwordRepeat')}
      />
    </>
  )
}
