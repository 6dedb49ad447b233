import { z } from 'zod'
import { isValidPhoneNumber, type CountryCode as PhoneCountry } from 'libphonenumber-js/max'
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator'
import { COUNTRY_CODES, type CountryCode } from '../countries'
import { idSchema, listQueryShape, optionalText, requiredText, versionSchema } from './common'

export const EMAIL_USAGES = ['SUPPORT', 'ADMIN', 'BILLING', 'TECH', 'ADDS', 'EMERGENCY'] as const
export type EmailUsage = (typeof EMAIL_USAGES)[number]

export const DEFAULT_COUNTRY = 'ES'

// Letters, digits, spaces and hyphens, 3 to 10 characters: wide enough for "SW1A 1AA" and
// "00-950"; a country-specific check runs on top where one is known.
const GENERIC_ZIPCODE = /^[0-9A-Z][0-9A-Z -]{1,8}[0-9A-Z]$/

const contactFields = {
  shortName: requiredText(128),
  fullName: optionalText(256),
  email: z.string().trim().min(1).max(254).pipe(z.email()),
  emailUsage: z
    .array(z.enum(EMAIL_USAGES))
    .default([...EMAIL_USAGES])
    .transform((usages) => EMAIL_USAGES.filter((u) => usages.includes(u))),
  phone: optionalText(32),
  phone2: optionalText(32),
  address: optionalText(1000),
  city: optionalText(128),
  zipcode: z.string().trim().toUpperCase().max(10).default(''),
  country: z.enum(COUNTRY_CODES).or(z.literal('')).default(DEFAULT_COUNTRY),
}

type ContactFields = z.output<z.ZodObject<typeof contactFields>>

/** Cross-field rules of a contact (spec: panel 3.2). */
function checkContact(contact: ContactFields, ctx: z.RefinementCtx): void {
  const region = (contact.country || DEFAULT_COUNTRY) as PhoneCountry
  for (const field of ['phone', 'phone2'] as const) {
    const value = contact[field]
    if (value && !isValidPhoneNumber(value, region)) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        params: { rule: 'phone' },
        message: `is neither a valid ${region} number nor an international number (+CC …)`,
      })
    }
  }

  if (contact.address) {
    for (const field of ['city', 'zipcode', 'country'] as const) {
      if (!contact[field]) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          params: { rule: 'required_with_address' },
          message: 'is required when an address is given',
        })
      }
    }
  }

  if (contact.zipcode) checkZipcode(contact, ctx)
}

function checkZipcode(contact: ContactFields, ctx: z.RefinementCtx): void {
  if (!contact.country) {
    ctx.addIssue({
      code: 'custom',
      path: ['country'],
      params: { rule: 'required_with_zipcode' },
      message: 'is required when a zipcode is given',
    })
    return
  }
  const known = postcodeValidatorExistsForCountry(contact.country)
  const valid = known
    ? postcodeValidator(contact.zipcode, contact.country)
    : GENERIC_ZIPCODE.test(contact.zipcode)
  if (!valid) {
    ctx.addIssue({
      code: 'custom',
      path: ['zipcode'],
      params: { rule: 'zipcode' },
      message: `is not a valid postal code for ${contact.country}`,
    })
  }
}

/** A contact as typed in a form, without its account. */
export const contactInputSchema = z.object(contactFields).superRefine(checkContact)
export type ContactInput = z.input<typeof contactInputSchema>

export const contactCreateSchema = z
  .object({ accountId: idSchema, ...contactFields })
  .superRefine(checkContact)

export const contactUpdateSchema = z
  .object({ id: idSchema, version: versionSchema, ...contactFields })
  .superRefine(checkContact)

export const CONTACT_SORTS = ['shortName', 'fullName', 'email', 'country', 'account'] as const

export const contactListSchema = z.object({
  ...listQueryShape,
  accountId: idSchema.optional(),
  /** Contacts having ANY of these usages. */
  usages: z.array(z.enum(EMAIL_USAGES)).default([]),
  sort: z.enum(CONTACT_SORTS).default('shortName'),
})
export type ContactListQuery = z.input<typeof contactListSchema>

export interface Contact {
  id: number
  accountId: number
  shortName: string
  fullName: string
  email: string
  emailUsage: EmailUsage[]
  phone: string
  phone2: string
  address: string
  city: string
  zipcode: string
  country: CountryCode | ''
  version: number
  createdAt: string
  updatedAt: string
}

export interface ContactRow extends Contact {
  accountUsername: string
}

/** Display name: full name, else short name (spec: panel 3.1). */
export function contactDisplayName(contact: Pick<Contact, 'fullName' | 'shortName'>): string {
  return contact.fullName || contact.shortName
}
