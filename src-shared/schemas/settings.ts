import { z } from 'zod'
import { COUNTRY_CODES } from '../countries'
import { ACCOUNT_TYPES, LANGUAGES } from './accounts'
import { requiredText, singleLineText } from './common'
import { DOMAIN_SETTINGS } from './domain-settings'
import { SYSTEM_USER_SETTINGS } from './system-user-settings'
import { MAIL_SETTINGS } from './mail-settings'
import { WEBAPP_SETTINGS } from './webapp-settings'
import { WEBSITE_SETTINGS } from './website-settings'
import { CERTIFICATE_SETTINGS } from './certificate-settings'
import { MAILING_LIST_SETTINGS } from './mailing-list-settings'
import { OTHER_SERVICE_SETTINGS } from './other-service-settings'
import { SAAS_SETTINGS } from './saas-settings'
import { SERVICE_SETTINGS } from './service-settings'
import { BILLING_SETTINGS } from './billing-settings'
import { SELLER_SETTINGS } from './seller-settings'
import { PAYMENT_SETTINGS } from './payment-settings'

/**
 * A DNS name of at least two labels: each label 1 to 63 letters, digits or inner hyphens, the
 * whole at most 253 characters, ending in an alphabetic top-level label.
 */
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/**
 * The declared settings: every configurable value with its default, its rule and a help text.
 * Overrides live in the database and apply at once, without a restart (unlike the original,
 * which rewrote a Python file and restarted).
 */
export const SETTINGS = {
  ORCHESTRA_SITE_NAME: {
    group: 'ORCHESTRA',
    help: 'The provider name shown in the window title and on documents.',
    schema: requiredText(64),
    default: 'Orchestra',
  },
  ORCHESTRA_BASE_DOMAIN: {
    group: 'ORCHESTRA',
    help: "The provider's own domain; other defaults derive from it.",
    schema: singleLineText(253).toLowerCase().regex(DOMAIN_PATTERN, { message: 'is not a domain' }),
    default: 'orchestra.lan',
  },
  ACCOUNTS_DEFAULT_TYPE: {
    group: 'ACCOUNTS',
    help: 'The type a new account starts with.',
    schema: z.enum(ACCOUNT_TYPES),
    default: 'INDIVIDUAL',
  },
  ACCOUNTS_DEFAULT_LANGUAGE: {
    group: 'ACCOUNTS',
    help: 'The language a new account starts with.',
    schema: z.enum(LANGUAGES),
    default: 'EN',
  },
  CONTACTS_DEFAULT_COUNTRY: {
    group: 'CONTACTS',
    help: 'The country a new contact starts with.',
    schema: z.enum(COUNTRY_CODES),
    default: 'ES',
  },
  ...DOMAIN_SETTINGS,
  ...SYSTEM_USER_SETTINGS,
  ...MAIL_SETTINGS,
  ...WEBAPP_SETTINGS,
  ...WEBSITE_SETTINGS,
  ...CERTIFICATE_SETTINGS,
  ...MAILING_LIST_SETTINGS,
  ...OTHER_SERVICE_SETTINGS,
  ...SAAS_SETTINGS,
  ...SERVICE_SETTINGS,
  ...BILLING_SETTINGS,
  ...SELLER_SETTINGS,
  ...PAYMENT_SETTINGS,
} as const satisfies Record<string, SettingSpec>

interface SettingSpec {
  group: string
  help: string
  schema: z.ZodType
  default: unknown
}

export type SettingName = keyof typeof SETTINGS
/** The type of a setting's value, as its rule outputs it. */
export type SettingType<N extends SettingName> = z.output<(typeof SETTINGS)[N]['schema']>
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[]

export interface SettingValue {
  name: SettingName
  group: string
  help: string
  default: unknown
  value: unknown
  isDefault: boolean
}

export const settingUpdateSchema = z.strictObject({
  name: z.enum(SETTING_NAMES as [SettingName, ...SettingName[]]),
  /** Checked against the setting's own rule; `null` resets it to the default. */
  value: z.unknown(),
})
