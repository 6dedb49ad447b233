import { Select, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { WEBAPP_TYPES, type WebappChoices } from '../../../../src-shared/schemas/webapps'
import { requiredInput } from '../../components/required'
import { AccountSelect } from '../domains/account-select'
import { runtimeChoices, type WebappFormValues } from './webapp-form-values'

interface WebappAppFieldsProps {
  form: UseFormReturnType<WebappFormValues>
  choices: WebappChoices | undefined
  /** Editing: account, name, type and target are fixed. */
  fixed: boolean
}

/** Account, name, type, version and link target of a web app. */
export function WebappAppFields({ form, choices, fixed }: WebappAppFieldsProps) {
  const { t } = useTranslation()
  const values = form.getValues()
  const { versions } = runtimeChoices(values.type, choices)
  const types = (choices?.types ?? [values.type]).map((type) => ({
    value: type,
    label: t(`webapps.types.${type}`),
  }))
  const cms = WEBAPP_TYPES[values.type].cms

  return (
    <>
      {!fixed && (
        <AccountSelect
          label={t('webapps.form.account')}
          placeholder={t('webapps.form.accountSearch')}
          {...requiredInput}
          {...form.getInputProps('accountId')}
        />
      )}
      <TextInput
        label={t('webapps.form.name')}
        description={t('webapps.form.nameHint')}
        autoComplete="off"
        spellCheck={false}
        disabled={fixed}
        {...requiredInput}
        {...form.getInputProps('name')}
      />
      <Select
        label={t('webapps.form.type')}
        data={types}
        allowDeselect={false}
        disabled={fixed}
        {...form.getInputProps('type')}
        onChange={(type) => {
          const next = (type ?? 'php') as WebappFormValues['type']
          form.setFieldValue('type', next)
          form.setFieldValue('runtime', runtimeChoices(next, choices).fallback)
        }}
      />
      {cms && (
        <Text size="sm" c="dimmed">
          {t('webapps.form.cmsHint', { type: t(`webapps.types.${values.type}`) })}
        </Text>
      )}
      {versions.length > 0 && (
        <Select
          label={t('webapps.form.runtime')}
          data={versions}
          allowDeselect={false}
          {...form.getInputProps('runtime')}
        />
      )}
      {values.type === 'symbolic-link' && (
        <TextInput
          label={t('webapps.form.linkTarget')}
          description={t('webapps.form.linkTargetHint')}
          autoComplete="off"
          spellCheck={false}
          disabled={fixed}
          {...requiredInput}
          {...form.getInputProps('linkTarget')}
        />
      )}
    </>
  )
}
