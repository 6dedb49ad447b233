import { describe, expect, it } from 'vitest'
import { SETTINGS } from '../../../src-shared/schemas/settings'
import { AppError } from '../../../src-shared/errors'
import { cents, money } from '../../../src-main/billing/money'
import { billTotals } from '../../../src-main/billing/totals'
import {
  billTaxNote,
  buyerKindOf,
  consumerRateTable,
  lineTax,
  taxBuyerOf,
  OUTSIDE_EU_NOTES,
  REVERSE_CHARGE_NOTE,
  type TaxBuyer,
  type TaxSettings,
} from '../../../src-main/billing/tax-rules'

// Issue 7 item 9: tax by the customer's country and kind, reverse charge stated on the bill.

const settings: TaxSettings = {
  oneStopShop: true,
  consumerRates: consumerRateTable(SETTINGS.BILLS_TAX_EU_CONSUMER_RATES.default),
}

const business = (country: TaxBuyer['country'], vat: TaxBuyer['vat'] = 'valid'): TaxBuyer => ({
  country,
  kind: 'BUSINESS',
  vat,
})
const consumer = (country: TaxBuyer['country']): TaxBuyer => ({
  country,
  kind: 'CONSUMER',
  vat: 'invalid',
})

const taxOf = (buyer: TaxBuyer, serviceRate = '21', options = settings) =>
  lineTax({ seller: 'ES', buyer, serviceRate: money(serviceRate), settings: options })

describe('lineTax (issue 7 item 9)', () => {
  it("charges a domestic business the service's rate with no mention", () => {
    const tax = taxOf(business('ES'))
    expect([tax.rate.toString(), tax.treatment, tax.note]).toEqual(['21', 'DOMESTIC', ''])
  })

  it("charges a domestic consumer the service's rate", () => {
    expect(taxOf(consumer('ES')).rate.toString()).toBe('21')
  })

  it('treats a buyer without a country as domestic', () => {
    expect(taxOf(consumer('')).treatment).toBe('DOMESTIC')
  })

  it('gives a business in another EU state with a valid VAT number the reverse charge', () => {
    const tax = taxOf(business('DE'))
    expect([tax.rate.toString(), tax.treatment]).toEqual(['0', 'REVERSE_CHARGE'])
    expect(tax.note).toBe(
      'Reverse charge: VAT to be accounted for by the recipient ' +
        '(Article 196, Council Directive 2006/112/EC)',
    )
  })

  it('gives the reverse charge on a well-formed number the registry could not confirm', () => {
    expect(taxOf(business('FR', 'unknown')).treatment).toBe('REVERSE_CHARGE')
  })

  it("charges a business whose VAT number is invalid as a consumer, at its state's rate", () => {
    const tax = taxOf(business('DE', 'invalid'))
    expect([tax.rate.toString(), tax.treatment, tax.note]).toEqual(['19', 'EU_CONSUMER', ''])
  })

  it("charges a consumer in another EU state that state's rate (One-Stop Shop)", () => {
    expect(taxOf(consumer('FI')).rate.toString()).toBe('25.5')
    expect(taxOf(consumer('LU')).rate.toString()).toBe('17')
  })

  it("charges a consumer in another EU state the service's rate with the One-Stop Shop off", () => {
    const tax = taxOf(consumer('FR'), '21', { ...settings, oneStopShop: false })
    expect(tax.rate.toString()).toBe('21')
  })

  it('keeps a duty-free service at 0% for a consumer in another EU state', () => {
    expect(taxOf(consumer('DE'), '0').rate.toString()).toBe('0')
  })

  it('refuses a consumer state missing from the rate table, naming it', () => {
    const partial = { ...settings, consumerRates: consumerRateTable(['DE=19']) }
    let error: unknown
    try {
      taxOf(consumer('IT'), '21', partial)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).issues).toEqual([
      {
        field: 'BILLS_TAX_EU_CONSUMER_RATES',
        rule: 'required',
        message: 'has no VAT rate for IT, where a consumer being billed lives',
      },
    ])
  })

  it('charges no VAT outside the EU, with the article for a business', () => {
    const tax = taxOf(business('US'))
    expect([tax.rate.toString(), tax.treatment]).toEqual(['0', 'OUTSIDE_EU'])
    expect(tax.note).toBe(
      'Not subject to VAT: place of supply outside the EU (Article 44, ' +
        'Council Directive 2006/112/EC)',
    )
  })

  it('charges no VAT to a consumer outside the EU, citing Article 58', () => {
    const tax = taxOf(consumer('CH'))
    expect([tax.rate.toString(), tax.note]).toEqual(['0', OUTSIDE_EU_NOTES.CONSUMER])
    expect(tax.note).toContain('Article 58')
  })

  it("charges everyone the service's rate when the seller is outside the EU", () => {
    const tax = lineTax({
      seller: 'CH',
      buyer: business('DE'),
      serviceRate: money('8.1'),
      settings,
    })
    expect([tax.rate.toString(), tax.treatment, tax.note]).toEqual(['8.1', 'SELLER_OUTSIDE_EU', ''])
  })
})

describe('tax rules on a bill (issue 7 item 9, spec 7.5)', () => {
  it('totals a French consumer line of 12.00 at 20%: 2.40 tax, 14.40 total', () => {
    const tax = taxOf(consumer('FR'))
    const totals = billTotals([{ subtotal: '12.00', sublines: [], tax: tax.rate }])
    expect([cents(totals.tax), cents(totals.total)]).toEqual(['2.40', '14.40'])
  })

  it('totals a reverse-charge bill without tax and states the reverse charge once', () => {
    const taxes = [taxOf(business('DE')), taxOf(business('DE'))]
    const totals = billTotals(
      taxes.map((tax, i) => ({ subtotal: i ? '10.00' : '12.00', sublines: [], tax: tax.rate })),
    )
    expect([cents(totals.tax), cents(totals.total)]).toEqual(['0.00', '22.00'])
    expect(billTaxNote(taxes)).toBe(REVERSE_CHARGE_NOTE)
  })

  it('has no tax note for a domestic bill', () => {
    expect(billTaxNote([taxOf(consumer('ES'))])).toBe('')
  })
})

describe('buyerKindOf (issue 7 item 9)', () => {
  it('reads companies, associations and public bodies as businesses', () => {
    const types = ['COMPANY', 'ASSOCIATION', 'PUBLICBODY'] as const
    expect(types.map(buyerKindOf)).toEqual(['BUSINESS', 'BUSINESS', 'BUSINESS'])
  })

  it('reads individuals, customers, staff and friends as consumers', () => {
    const types = ['INDIVIDUAL', 'CUSTOMER', 'STAFF', 'FRIEND'] as const
    expect(new Set(types.map(buyerKindOf))).toEqual(new Set(['CONSUMER']))
  })
})

describe('taxBuyerOf (issue 7 item 9, spec 10)', () => {
  it('gives an EU company abroad with a well-formed number the reverse charge', async () => {
    const buyer = await taxBuyerOf({ country: 'DE', vat: 'de 136 695 976' }, 'COMPANY')
    expect(buyer).toEqual({ country: 'DE', kind: 'BUSINESS', vat: 'unknown' })
    expect(taxOf(buyer).treatment).toBe('REVERSE_CHARGE')
  })

  it('charges a company whose VAT number has wrong check digits as a consumer', async () => {
    const buyer = await taxBuyerOf({ country: 'DE', vat: 'DE136695977' }, 'COMPANY')
    expect(buyer.vat).toBe('invalid')
    expect(taxOf(buyer).rate.toString()).toBe('19')
  })

  it('charges a company without a VAT number as a consumer', async () => {
    const buyer = await taxBuyerOf({ country: 'FR', vat: ' ' }, 'COMPANY')
    expect(taxOf(buyer).rate.toString()).toBe('20')
  })

  it('charges a company the registry refuses as a consumer', async () => {
    const registry = () => Promise.resolve('invalid' as const)
    const buyer = await taxBuyerOf({ country: 'DE', vat: 'DE136695976' }, 'COMPANY', registry)
    expect(taxOf(buyer).treatment).toBe('EU_CONSUMER')
  })

  it('never gives an individual the reverse charge, whatever its number', async () => {
    const buyer = await taxBuyerOf({ country: 'DE', vat: 'DE136695976' }, 'INDIVIDUAL')
    expect(taxOf(buyer).treatment).toBe('EU_CONSUMER')
  })
})
