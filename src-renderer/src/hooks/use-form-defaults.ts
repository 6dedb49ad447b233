import type { AccountType, Language } from '../../../src-shared/schemas/accounts'
import { DEFAULT_COUNTRY } from '../../../src-shared/schemas/contacts'
import type { SettingName } from '../../../src-shared/schemas/settings'
import { useChannelQuery } from '../api/queries'

export interface FormDefaults {
  type: AccountType
  language: Language
  country: string
}

const FALLBACK: FormDefaults = { type: 'INDIVIDUAL', language: 'EN', country: DEFAULT_COUNTRY }

/**
 * The values new accounts and contacts start with, from the operator's settings. Until they
 * load (or if they cannot), the shipped defaults apply.
 */
export function useFormDefaults(): { defaults: FormDefaults; loading: boolean } {
  const query = useChannelQuery('settings:list', {})
  const value = (name: SettingName) => query.data?.find((setting) => setting.name === name)?.value

  const defaults: FormDefaults = {
    type: (value('ACCOUNTS_DEFAULT_TYPE') as AccountType | undefined) ?? FALLBACK.type,
    language: (value('ACCOUNTS_DEFAULT_LANGUAGE') as Language | undefined) ?? FALLBACK.language,
    country: (value('CONTACTS_DEFAULT_COUNTRY') as string | undefined) ?? FALLBACK.country,
  }
  return { defaults, loading: query.isPending }
}
