import type {
  Account,
  AccountCreateInput,
  AccountType,
  Language,
} from '../../../../src-shared/schemas/accounts'
import type { FormDefaults } from '../../hooks/use-form-defaults'
import { emptyContact, type ContactDraft } from '../contacts/contact-form-values'

/** The fields an operator can edit on an existing account. */
export interface AccountFieldValues {
  fullName: string
  shortName: string
  email: string
  type: AccountType
  language: Language
  comments: string
  isSuperuser: boolean
}

export interface AccountCreateValues extends AccountFieldValues {
  username: string
  enableSystemUser: boolean
  contacts: ContactDraft[]
}

export function emptyAccount(defaults: FormDefaults): AccountCreateValues {
  return {
    username: '',
    fullName: '',
    shortName: '',
    email: '',
    type: defaults.type,
    language: defaults.language,
    comments: '',
    isSuperuser: false,
    enableSystemUser: true,
    contacts: [emptyContact(defaults.country)],
  }
}

/**
 * The request a create form sends. Each contact's `formKey` only keeps React's inputs apart:
 * the schema refuses fields it does not know, so it must not reach the validation or the core.
 */
export function toCreateRequest(values: AccountCreateValues): AccountCreateInput {
  const contacts = values.contacts.map(({ formKey: _key, ...contact }) => contact)
  return { ...values, contacts }
}

export function accountToForm(account: Account): AccountFieldValues {
  const { fullName, shortName, email, type, language, comments, isSuperuser } = account
  return { fullName, shortName, email, type, language, comments, isSuperuser }
}
