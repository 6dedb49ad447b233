import { z } from 'zod'
import { multiLineText, nameText } from './common'
import { identifierProblem } from './misc-identifiers'
import { PAYMENT_METHODS } from './payments'
import { listSetting } from './setting-lists'

/**
 * Payments (spec: billing 9 and 11): the transactions' currency, the methods offered, and the
 * provider's data as the creditor of SEPA direct debits. Spec 9.4's placeholder creditor
 * (an Irish test IBAN, "InvalidAT02ID") is left out on purpose: a bank file must never name
 * an account that is not the provider's, so the creditor settings start empty and a file is
 * refused, naming the empty setting, until they are filled in.
 */

/** Empty, or the rule's output; the rule's own message comes through. */
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

/** An IBAN, spaces allowed on input; kept compact in capitals, as bank files carry it. */
const compactIban = z
  .string()
  .transform((text) => text.replace(/\s+/g, '').toUpperCase())
  .refine((compact) => identifierProblem('iban', compact) === undefined, {
    message: 'is not an IBAN (ISO 13616), e.g. ES91 2100 0418 4502 0005 1332',
  })

/** ISO 9362: bank, country, location, and an optional branch. */
const bic = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, {
    message: 'is not a BIC (ISO 9362): 8 or 11 letters and digits, e.g. CAIXESBB or DEUTDEFF500',
  })

/** Letters count from A = 10 to Z = 35, as ISO 7064 MOD 97-10 reads them. */
function mod97(text: string): number {
  let rest = 0
  for (const char of text) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char
    for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97
  }
  return rest
}

/**
 * Whether `id` is a SEPA creditor identifier (EPC262-08, AT-02): country, two check digits, a
 * three-character business code the check leaves out, and the national identifier. The check
 * digits make national identifier + country + check digits give 1 modulo 97.
 */
export function isCreditorId(id: string): boolean {
  const match = /^([A-Z]{2})([0-9]{2})[A-Z0-9]{3}([A-Z0-9]{1,28})$/.exec(id)
  if (!match) return false
  const [, country, check, national] = match as unknown as [string, string, string, string]
  return mod97(national + country + check) === 1
}

const creditorId = z
  .string()
  .transform((text) => text.replace(/\s+/g, '').toUpperCase())
  .refine(isCreditorId, {
    message:
      'is not a SEPA creditor identifier: country, 2 check digits (ISO 7064 mod 97), a ' +
      '3-character business code and the national id, e.g. ES59ZZZX1234567L',
  })

/** A template of the bill's payment text: `{iban}` is where the debtor's IBAN goes. */
const billMessage = multiLineText(400)
  .refine((text) => text.includes('{iban}'), { message: 'must contain {iban}' })
  .refine((text) => !/\{(?!iban\})[^}]*\}/.test(text), {
    message: 'knows only the placeholder {iban}',
  })

function paymentSetting<S extends z.ZodType>(help: string, schema: S, value?: z.output<S>) {
  return { group: 'PAYMENTS', help, schema, default: value ?? ('' as z.output<S>) }
}

export const PAYMENT_SETTINGS = {
  PAYMENT_CURRENCY: paymentSetting(
    'The ISO 4217 code of the currency bills are closed in, the one BILLS_CURRENCY prints ' +
      '(EUR for €). A closed bill keeps its currency: a change applies to bills closed after.',
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code such as EUR' }),
    'EUR',
  ),
  PAYMENTS_ENABLED_METHODS: paymentSetting(
    'The payment methods a payment source may use (SEPA_DIRECT_DEBIT, BANK_TRANSFER).',
    listSetting(z.enum(PAYMENT_METHODS), PAYMENT_METHODS.length),
    [...PAYMENT_METHODS],
  ),
  PAYMENTS_DD_CREDITOR_NAME: paymentSetting(
    'The creditor name on SEPA files: the provider as the bank knows it.',
    optional(nameText(70)),
  ),
  PAYMENTS_DD_CREDITOR_IBAN: paymentSetting(
    'The IBAN direct debits are collected to and refunds paid from.',
    optional(compactIban),
  ),
  PAYMENTS_DD_CREDITOR_BIC: paymentSetting("The BIC of the provider's bank.", optional(bic)),
  PAYMENTS_DD_CREDITOR_ID: paymentSetting(
    'The SEPA creditor identifier (AT-02) the bank gave the provider, e.g. ES59ZZZX1234567L.',
    optional(creditorId),
  ),
  PAYMENTS_DD_LEAD_DAYS: paymentSetting(
    "Days between a direct debit file and the collection day, the default of the file's " +
      'collection date.',
    z.coerce.number().int().min(1).max(60),
    5,
  ),
  PAYMENTS_DD_BILL_MESSAGE: paymentSetting(
    'The payment text on a bill paid by direct debit, in every language; {iban} is the debtor ' +
      "account. Empty: the bill's own language's text.",
    optional(billMessage),
  ),
} as const

/** The creditor settings a SEPA file needs, in the order a missing one is reported. */
export const SEPA_CREDITOR_SETTINGS = [
  'PAYMENTS_DD_CREDITOR_NAME',
  'PAYMENTS_DD_CREDITOR_IBAN',
  'PAYMENTS_DD_CREDITOR_BIC',
  'PAYMENTS_DD_CREDITOR_ID',
] as const satisfies readonly (keyof typeof PAYMENT_SETTINGS)[]
