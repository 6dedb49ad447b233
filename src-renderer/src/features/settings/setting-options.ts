import { z } from 'zod'
import { SETTINGS, type SettingName } from '../../../../src-shared/schemas/settings'
import { countryOptions } from '../../lib/countries'
import { accountTypeOptions, languageOptions } from '../accounts/options'

export interface Option {
  value: string
  label: string
}

/** Choices for a setting whose rule is a fixed list, labelled as elsewhere in the interface. */
export function settingOptions(name: SettingName): Option[] | null {
  const schema: z.ZodType = SETTINGS[name].schema
  if (!(schema instanceof z.ZodEnum)) return null
  if (name === 'ACCOUNTS_DEFAULT_TYPE') return accountTypeOptions()
  if (name === 'ACCOUNTS_DEFAULT_LANGUAGE') return languageOptions()
  if (name === 'CONTACTS_DEFAULT_COUNTRY') return countryOptions()
  return schema.options.map((value) => ({ value: String(value), label: String(value) }))
}

/** Checks a value with the setting's own rule, the one main applies on save. */
export function settingError(name: SettingName, value: string): z.ZodError | null {
  const result = (SETTINGS[name].schema as z.ZodType).safeParse(value)
  return result.success ? null : result.error
}
