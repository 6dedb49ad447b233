import { randomId } from '@mantine/hooks'
import {
  DEFAULT_COUNTRY,
  EMAIL_USAGES,
  type Contact,
  type EmailUsage,
} from '../../../../src-shared/schemas/contacts'

/** A contact as the form holds it: every field a string, the country '' when none. */
export interface ContactFormValues {
  shortName: string
  fullName: string
  email: string
  emailUsage: EmailUsage[]
  phone: string
  phone2: string
  address: string
  city: string
  zipcode: string
  country: string
}

export type ContactField = keyof ContactFormValues

/** In a list of contacts each one carries a key, so React keeps inputs apart on removal. */
export type ContactDraft = ContactFormValues & { formKey: string }

export function emptyContact(country: string = DEFAULT_COUNTRY): ContactDraft {
  return {
    formKey: randomId(),
    shortName: '',
    fullName: '',
    email: '',
    emailUsage: [...EMAIL_USAGES],
    phone: '',
    phone2: '',
    address: '',
    city: '',
    zipcode: '',
    country,
  }
}

export function contactToForm(contact: Contact): ContactFormValues {
  const { shortName, fullName, email, emailUsage, phone, phone2 } = contact
  const { address, city, zipcode, country } = contact
  return { shortName, fullName, email, emailUsage, phone, phone2, address, city, zipcode, country }
}
