import type { CountryCode } from '../../src-shared/countries'
import { AppError } from '../../src-shared/errors'
import type { AccountType } from '../../src-shared/schemas/accounts'
import { isEuCountry, type EuCountry } from '../../src-shared/vat-numbers'
import { money, ZERO, type Money } from './money'
import {
  checkVatNumber,
  noRegistryCheck,
  type VatRegistryCheck,
  type VatVerdict,
} from './vat-numbers'

/**
 * The VAT rate of a bill line and the legal mention that goes with it, from where the seller
 * and the buyer are and what kind of buyer it is (issue 7 item 9; the original had one rate
 * per service and no other rule, spec 13). Web hosting is an electronically supplied service
 * (Annex II of Council Directive 2006/112/EC), so its place of supply is where the customer
 * is: a business's state (Article 44) or a consumer's (Article 58).
 *
 * Decisions:
 * - The service's own rate is the seller's domestic rate.
 * - A business in another EU state with a VAT number that is well formed and not refused by
 *   the registry pays no VAT: reverse charge, stated on the bill. A number the registry could
 *   not confirm (`unknown`, as long as no lookup is wired) still counts: its shape and check
 *   digits are checked, and the reverse charge would otherwise never apply.
 * - A consumer in another EU state pays that state's rate from the consumer rate table (One-
 *   Stop Shop), or the service's own rate when the One-Stop Shop setting is off (allowed under
 *   the 10,000 euro threshold of Article 59c). A state missing from the table is refused: a
 *   silent fallback would undercharge. A service at 0% stays at 0% everywhere.
 * - Outside the EU no EU VAT is due (0%), with a "not subject" mention naming the article.
 * - A seller outside the EU charges the service's rate to everyone.
 *   TODO(#7): tax rules of sellers outside the EU (e.g. non-Union OSS) are not modelled.
 * - A buyer without a country (a pro forma before the bill contact exists) is domestic.
 */

/** How a buyer is taxed; a business needs a valid VAT number for the reverse charge. */
export type BuyerKind = 'BUSINESS' | 'CONSUMER'

const BUSINESS_TYPES: readonly AccountType[] = ['COMPANY', 'ASSOCIATION', 'PUBLICBODY']

/**
 * The buyer kind of an account type. CUSTOMER, INDIVIDUAL, STAFF and FRIEND are consumers:
 * when unsure, charging VAT is the safe side, since the seller owes what it wrongly left out.
 */
export function buyerKindOf(type: AccountType): BuyerKind {
  return BUSINESS_TYPES.includes(type) ? 'BUSINESS' : 'CONSUMER'
}

export interface TaxBuyer {
  country: CountryCode | ''
  kind: BuyerKind
  /** The verdict on the buyer's VAT number (vat-numbers.ts); `invalid` also for none. */
  vat: VatVerdict
}

/**
 * The tax buyer of a bill contact (spec 10) and its account's type. Its VAT number is checked
 * only where it matters, for a business in another EU state; a missing or malformed one
 * counts as `invalid`, which makes the buyer a consumer there.
 */
export async function taxBuyerOf(
  contact: { country: CountryCode | ''; vat: string },
  accountType: AccountType,
  registry: VatRegistryCheck = noRegistryCheck,
): Promise<TaxBuyer> {
  const kind = buyerKindOf(accountType)
  const { country } = contact
  if (kind === 'CONSUMER' || !isEuCountry(country)) return { country, kind, vat: 'unknown' }
  if (!contact.vat.trim()) return { country, kind, vat: 'invalid' }
  return { country, kind, vat: (await checkVatNumber(contact.vat, country, registry)).verdict }
}

export interface TaxSettings {
  /** BILLS_TAX_ONE_STOP_SHOP. */
  oneStopShop: boolean
  /** BILLS_TAX_EU_CONSUMER_RATES, read with consumerRateTable. */
  consumerRates: ReadonlyMap<EuCountry, Money>
}

export type TaxTreatment =
  'DOMESTIC' | 'EU_CONSUMER' | 'REVERSE_CHARGE' | 'OUTSIDE_EU' | 'SELLER_OUTSIDE_EU'

export interface LineTax {
  /** Percent. */
  rate: Money
  treatment: TaxTreatment
  /** The mention the bill prints under its totals; empty for none. */
  note: string
}

export const REVERSE_CHARGE_NOTE =
  'Reverse charge: VAT to be accounted for by the recipient ' +
  '(Article 196, Council Directive 2006/112/EC)'

const outsideNote = (article: number) =>
  `Not subject to VAT: place of supply outside the EU (Article ${article}, ` +
  'Council Directive 2006/112/EC)'

/** The mentions for buyers outside the EU: Article 44 for businesses, 58 for consumers. */
export const OUTSIDE_EU_NOTES: Record<BuyerKind, string> = {
  BUSINESS: outsideNote(44),
  CONSUMER: outsideNote(58),
}

/** The BILLS_TAX_EU_CONSUMER_RATES entries (`DE=19`, already checked) as a table. */
export function consumerRateTable(entries: readonly string[]): Map<EuCountry, Money> {
  return new Map(
    entries.map((entry) => [entry.slice(0, 2) as EuCountry, money(entry.slice(3))] as const),
  )
}

/** The tax of one line whose service is at `serviceRate` percent. */
export function lineTax(input: {
  seller: CountryCode
  buyer: TaxBuyer
  serviceRate: Money
  settings: TaxSettings
}): LineTax {
  const { seller, buyer, serviceRate, settings } = input
  const domestic = (treatment: TaxTreatment): LineTax => ({
    rate: serviceRate,
    treatment,
    note: '',
  })
  if (!isEuCountry(seller)) return domestic('SELLER_OUTSIDE_EU')
  if (buyer.country === '' || buyer.country === seller) return domestic('DOMESTIC')

  if (!isEuCountry(buyer.country)) {
    return { rate: ZERO, treatment: 'OUTSIDE_EU', note: OUTSIDE_EU_NOTES[buyer.kind] }
  }
  if (buyer.kind === 'BUSINESS' && buyer.vat !== 'invalid') {
    return { rate: ZERO, treatment: 'REVERSE_CHARGE', note: REVERSE_CHARGE_NOTE }
  }
  if (serviceRate.isZero() || !settings.oneStopShop) return domestic('EU_CONSUMER')

  const rate = settings.consumerRates.get(buyer.country)
  if (!rate) {
    throw AppError.validation([
      {
        field: 'BILLS_TAX_EU_CONSUMER_RATES',
        rule: 'required',
        message: `has no VAT rate for ${buyer.country}, where a consumer being billed lives`,
      },
    ])
  }
  return { rate, treatment: 'EU_CONSUMER', note: '' }
}

/** A bill's tax note: each distinct mention of its lines once, in their order. */
export function billTaxNote(taxes: readonly Pick<LineTax, 'note'>[]): string {
  return [...new Set(taxes.map((tax) => tax.note).filter(Boolean))].join('\n')
}
