import { ACCOUNT_TYPES, LANGUAGES } from '../../../../src-shared/schemas/accounts'
import { i18next } from '../../i18n'

export function accountTypeOptions() {
  return ACCOUNT_TYPES.map((type) => ({ value: type, label: i18next.t(`accountTypes.${type}`) }))
}

export function languageOptions() {
  return LANGUAGES.map((code) => ({ value: code, label: i18next.t(`languages.${code}`) }))
}
