import { z } from 'zod'
import {
  getCountries,
  isValidPhoneNumber,
  type CountryCode as PhoneCountry,
} from 'libphonenumber-js/max'
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator'
import { COUNTRY_CODES, type CountryCode } from '../countries'
import type { FieldIssue } from '../errors'
import {
  emailSchema,
  idSchema,
  listQueryShape,
  multiLineText,
  nameText,
  requiredText,
  singleLineText,
  versionSchema,
} from './common'

export const EMAIL_USAGES = ['SUPPORT', 'ADMIN', 'BILLING', 'TECH', 'ADDS', 'EMERGENCY'] as const
export type EmailUsage = (typeof EMAIL_USAGES)[number]

/**
 * The shipped default of the CONTACTS_DEFAULT_COUNTRY setting, and the region local phone
 * numbers are read in when a contact has no country.
 */
export const DEFAULT_COUNTRY = 'ES'

// Letters, digits, spaces and hyphens, 3 to 10 characters: wide enough for "SW1A 1AA" and
// "00-950"; a country-specific check runs on top where one is known.
const GENERIC_ZIPCODE = /^[0-9A-Z][0-9A-Z -]{1,8}[0-9A-Z]$/

const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES)

/** An ISO 3166-1 alpha-2 code in capitals, or '' for none. */
export const countrySchema = z
  .string()
  .refine((code) => code === '' || KNOWN_COUNTRIES.has(code), {
    message: 'must be a country code such as ES',
    params: { rule: 'choice' },
  })
  .transform((code) => code as CountryCode | '')

/** Each field once, without defaults: a create fills them in, an update leaves them out. */
const contactFields = {
  shortName: requiredText(128),
  fullName: nameText(256),
  email: emailSchema,
  emailUsage: z
    .array(z.enum(EMAIL_USAGES))
    .transform((usages) => EMAIL_USAGES.filter((u) => usages.includes(u))),
  phone: singleLineText(32),
  phone2: singleLineText(32),
  address: multiLineText(1000),
  city: nameText(128),
  zipcode: singleLineText(10).toUpperCase(),
  country: countrySchema,
}

/**
 * A new contact. Without a country it gets the operator's CONTACTS_DEFAULT_COUNTRY setting,
 * which main applies (and then checks the rules that depend on the country).
 */
const contactCreateFields = {
  ...contactFields,
  fullName: contactFields.fullName.default(''),
  emailUsage: contactFields.emailUsage.default([...EMAIL_USAGES]),
  phone: contactFields.phone.default(''),
  phone2: contactFields.phone2.default(''),
  address: contactFields.address.default(''),
  city: contactFields.city.default(''),
  zipcode: contactFields.zipcode.default(''),
  country: contactFields.country.optional(),
}

/** The values the cross-field rules read; `country` is undefined until main applies the default. */
export interface ContactRuleValues {
  phone: string
  phone2: string
  address: string
  city: string
  zipcode: string
  country?: CountryCode | ''
}

/** The regions phone numbers can be read in: those libphonenumber has a numbering plan for. */
const PHONE_REGIONS = getCountries()

/**
 * A phone must be valid in the contact's country (none: DEFAULT_COUNTRY) or be international.
 * While the country is undefined, only a number that is valid in no country at all (such as
 * "12") is refused; main checks the rest once the default country is in.
 */
function phoneIssues(contact: ContactRuleValues): FieldIssue[] {
  const { country } = contact
  const region = country === undefined ? undefined : ((country || DEFAULT_COUNTRY) as PhoneCountry)
  const valid = (value: string) =>
    region
      ? isValidPhoneNumber(value, region)
      : PHONE_REGIONS.some((anywhere) => isValidPhoneNumber(value, anywhere))
  const message = region
    ? `is neither a valid ${region} number nor an international number (+CC …)`
    : 'is neither a valid local number nor an international number (+CC …)'

  return (['phone', 'phone2'] as const)
    .filter((field) => contact[field] && !valid(contact[field]))
    .map((field) => ({ field, rule: 'phone', message }))
}

/**
 * Cross-field rules of a contact (spec: panel 3.2). Rules that need the country wait while it
 * is undefined, or check only what holds whatever it will be: main runs them again once the
 * default country is in.
 */
export function contactRuleIssues(contact: ContactRuleValues): FieldIssue[] {
  const { country } = contact
  const issues = phoneIssues(contact)

  if (contact.address) {
    for (const field of ['city', 'zipcode', 'country'] as const) {
      if (contact[field] === '') {
        issues.push({
          field,
          rule: 'required_with_address',
          message: 'is required when an address is given',
        })
      }
    }
  }

  if (contact.zipcode && country !== undefined)
    issues.push(...zipcodeIssues(contact.zipcode, country))
  return issues
}

function zipcodeIssues(zipcode: string, country: CountryCode | ''): FieldIssue[] {
  if (!country) {
    return [
      {
        field: 'country',
        rule: 'required_with_zipcode',
        message: 'is required when a zipcode is given',
      },
    ]
  }
  const known = postcodeValidatorExistsForCountry(country)
  const valid = known ? postcodeValidator(zipcode, country) : GENERIC_ZIPCODE.test(zipcode)
  if (valid) return []
  return [
    { field: 'zipcode', rule: 'zipcode', message: `is not a valid postal code for ${country}` },
  ]
}

/** The cross-field rules as zod issues, so a form sees them with the per-field ones. */
function checkContact(contact: ContactRuleValues, ctx: z.RefinementCtx): void {
  for (const { field, rule, message } of contactRuleIssues(contact)) {
    ctx.addIssue({ code: 'custom', path: [field], params: { rule }, message })
  }
}

/** A contact as typed in a form, without its account. */
export const contactInputSchema = z.strictObject(contactCreateFields).superRefine(checkContact)
export type ContactInput = z.input<typeof contactInputSchema>
export type ContactValues = z.output<typeof contactInputSchema>

export const contactCreateSchema = z
  .strictObject({ accountId: idSchema, ...contactCreateFields })
  .superRefine(checkContact)

/**
 * A partial update: only the fields sent change. The cross-field rules need the whole contact,
 * so main checks them on the stored contact with the changes applied.
 */
export const contactUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  ...z.object(contactFields).partial().shape,
})
export type ContactUpdateInput = z.input<typeof contactUpdateSchema>

export const CONTACT_SORTS = ['shortName', 'fullName', 'email', 'country', 'account'] as const

export const contactListSchema = z.strictObject({
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
