import { z } from 'zod'
import { isValidPhoneNumber } from 'libphonenumber-js/max'
import { COUNTRY_CODES } from '../countries'
import { EU_COUNTRIES, euVatPrefixCountry, isEuCountry, parseEuVatNumber } from '../vat-numbers'
import { emailSchema, isHostOrAddress, multiLineText, nameText, singleLineText } from './common'
import { identifierProblem } from './misc-identifiers'
import { listSetting } from './setting-lists'
import { TAX_RATE } from './service-settings'

/**
 * The provider's own details printed on every bill (spec: billing 8, issue 7 item 9), the tax
 * rules' settings, and how bills are mailed (spec 7.4). Spec 8's placeholder defaults (phone
 * "111-112-11-222", bank "0000 0000 00 00000000 (Orchestra Bank)") are left out on purpose: a
 * bill must never print a made-up phone number or an account that is not the provider's. Empty
 * values print nothing, except where the help says what they derive from.
 */

/** Empty, or what `rule` accepts; its own messages come through (a union would hide them). */
function optional<T extends z.ZodType<string, string>>(rule: T) {
  return z.string().transform((text, ctx): z.output<T> | '' => {
    if (text.trim() === '') return ''
    const parsed = rule.safeParse(text)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message })
    return z.NEVER
  })
}

/** The seller's tax id: an EU VAT number checked per state, or another country's tax id. */
const sellerVat = z
  .string()
  .trim()
  .max(40)
  .transform((text, ctx) => {
    if (!euVatPrefixCountry(text)) {
      if (/^[\p{L}\p{N} .\-/]{0,20}$/u.test(text)) return text
      ctx.addIssue({ code: 'custom', message: 'must be a tax id of letters and digits' })
      return z.NEVER
    }
    const parsed = parseEuVatNumber(text)
    if (parsed.ok) return parsed.vat
    ctx.addIssue({ code: 'custom', message: parsed.issue.message })
    return z.NEVER
  })

/** An IBAN, spaces allowed; kept in capitals in groups of four, as it prints. */
const iban = z
  .string()
  .transform((text) => text.replace(/\s+/g, '').toUpperCase())
  .refine((compact) => identifierProblem('iban', compact) === undefined, {
    message: 'is not an IBAN (ISO 13616), e.g. ES91 2100 0418 4502 0005 1332',
  })
  .transform((compact) => compact.replace(/(.{4})(?=.)/g, '$1 '))

/** Logos larger than this slow every bill's PDF down; a printed logo needs far less. */
export const MAX_LOGO_BYTES = 256 * 1024

const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/

/** PNG's eight-byte signature, or JPEG's start-of-image marker. */
export function logoKind(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.every((byte, i) => bytes[i] === byte)) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  return undefined
}

/** What is wrong with logo bytes, if anything: a PNG or JPEG within the size cap. */
export function logoProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length > MAX_LOGO_BYTES) return `must be at most ${MAX_LOGO_BYTES / 1024} KiB`
  return logoKind(bytes) ? undefined : 'must be a PNG or JPEG image'
}

/**
 * A logo as a data URL (checked here, bytes included) or an absolute path to a .png, .jpg or
 * .jpeg file, whose bytes main checks when it reads them for a bill (the renderer has no files).
 */
const logo = z
  .string()
  .trim()
  .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 64)
  .superRefine((value, ctx) => {
    const data = LOGO_DATA_URL.exec(value)
    const problem = data
      ? logoProblem(Uint8Array.from(atob(data[2]!), (char) => char.charCodeAt(0)))
      : /^(\/|[A-Za-z]:\\)[^\p{Cc}]*\.(png|jpe?g)$/iu.test(value)
        ? undefined
        : 'must be a data:image/png or data:image/jpeg URL, or the full path of a PNG or JPEG'
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

const booleanText = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((text) => text === 'true'),
])

/**
 * One entry of the consumer rate table: `<EU country>=<percent>`. The standard rates below are
 * those in force in August 2025; rates change, which is why the table is a setting.
 */
const consumerRateEntry = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (entry) => isEuCountry(entry.slice(0, 2)) && entry[2] === '=' && TAX_RATE.test(entry.slice(3)),
    { message: 'must read <EU country>=<percent>, e.g. DE=19' },
  )

// prettier-ignore
const STANDARD_RATES: Record<(typeof EU_COUNTRIES)[number], string> = {
  AT: '20', BE: '21', BG: '20', CY: '19', CZ: '21', DE: '19', DK: '25', EE: '24', ES: '21',
  FI: '25.5', FR: '20', GR: '24', HR: '25', HU: '27', IE: '23', IT: '22', LT: '21', LU: '17',
  LV: '21', MT: '18', NL: '21', PL: '23', PT: '23', RO: '21', SE: '25', SI: '22', SK: '23',
}

function sellerText<S extends z.ZodType>(help: string, schema: S, value?: z.output<S>) {
  return { group: 'BILLS', help, schema, default: value ?? ('' as z.output<S>) }
}

export const SELLER_SETTINGS = {
  BILLS_SELLER_NAME: sellerText(
    'The provider name printed as the seller on bills; empty prints ORCHESTRA_SITE_NAME.',
    nameText(128),
  ),
  BILLS_SELLER_VAT: sellerText(
    "The provider's tax id (VAT number), e.g. ESB58378431; EU numbers are checked per state.",
    sellerVat,
  ),
  BILLS_SELLER_ADDRESS: sellerText(
    'The street address printed under the seller name.',
    multiLineText(256),
  ),
  BILLS_SELLER_ZIPCODE: sellerText(
    'The postal code printed before the city.',
    singleLineText(10)
      .toUpperCase()
      .regex(/^([0-9A-Z][0-9A-Z -]{1,8}[0-9A-Z])?$/, { message: 'is not a postal code' }),
  ),
  BILLS_SELLER_CITY: sellerText('The city printed after the postal code.', nameText(128)),
  BILLS_SELLER_COUNTRY: sellerText(
    "The provider's country: it prints on bills and decides which tax rules apply.",
    z.enum(COUNTRY_CODES),
    'ES',
  ),
  BILLS_SELLER_PHONE: sellerText(
    'The phone number printed on bills, in international form (+34 …); empty prints none.',
    optional(
      singleLineText(32).refine((phone) => isValidPhoneNumber(phone), {
        message: 'is not an international phone number (+CC …)',
      }),
    ),
  ),
  BILLS_SELLER_EMAIL: sellerText(
    'The address bills are sent from and questions go to; empty uses sales@ORCHESTRA_BASE_DOMAIN.',
    optional(emailSchema),
  ),
  BILLS_SELLER_WEBSITE: sellerText(
    'The website printed on bills; empty prints www.ORCHESTRA_BASE_DOMAIN.',
    optional(
      singleLineText(253)
        .toLowerCase()
        .refine((host) => isHostOrAddress(host.replace(/^https?:\/\//, '').replace(/\/.*$/, '')), {
          message: 'is not a website address',
        }),
    ),
  ),
  BILLS_SELLER_BANK_ACCOUNT: sellerText(
    'The IBAN customers pay bank transfers to, printed on every bill; empty prints none.',
    optional(iban),
  ),
  BILLS_SELLER_LOGO: sellerText(
    `The logo on bills: a PNG or JPEG of at most ${MAX_LOGO_BYTES / 1024} KiB, as a data URL ` +
      'or the full path of the file; empty prints the "YOUR LOGO HERE" placeholder.',
    optional(logo),
  ),
  BILLS_CURRENCY: sellerText(
    'The currency symbol printed after amounts.',
    singleLineText(3).min(1),
    '€',
  ),
  BILLS_TAX_ONE_STOP_SHOP: sellerText(
    'Whether consumers in other EU states pay their own state’s VAT rate (One-Stop Shop). Off ' +
      'charges the service’s own rate, allowed while such sales stay under 10,000 euros a year.',
    booleanText,
    true,
  ),
  BILLS_TAX_EU_CONSUMER_RATES: sellerText(
    'The VAT rate of each EU state for its consumers, as <country>=<percent> (the standard ' +
      'rates of August 2025 to start with; keep them current). A service at 0% stays at 0%.',
    listSetting(consumerRateEntry, EU_COUNTRIES.length).refine(
      (entries) => new Set(entries.map((entry) => entry.slice(0, 2))).size === entries.length,
      { message: 'names a country twice' },
    ),
    EU_COUNTRIES.map((country) => `${country}=${STANDARD_RATES[country]}`),
  ),
  BILLS_SMTP_HOST: sellerText(
    'The mail server bills are sent through.',
    singleLineText(253).refine(isHostOrAddress, { message: 'is not a host name or address' }),
    'localhost',
  ),
  BILLS_SMTP_PORT: sellerText(
    'Its port: 587 for submission with STARTTLS, 465 with TLS from the start.',
    z.coerce.number().int().min(1).max(65535),
    587,
  ),
  BILLS_SMTP_SECURE: sellerText(
    'Whether the connection is TLS from the start (port 465); off upgrades with STARTTLS.',
    booleanText,
    false,
  ),
  BILLS_SMTP_USER: sellerText(
    'The login on the mail server; empty sends without one. The password stays in the OS ' +
      'keychain, never in the settings.',
    singleLineText(254),
  ),
} as const
