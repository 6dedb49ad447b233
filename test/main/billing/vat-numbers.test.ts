import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseEuVatNumber } from '../../../src-shared/vat-numbers'
import { checkVatNumber, type VatRegistryCheck } from '../../../src-main/billing/vat-numbers'

// Issue 7 item 9: a reverse charge needs a valid VAT number. These numbers are the examples the
// member states' own descriptions of their check digits are commonly illustrated with.
const VALID: Record<string, string> = {
  AT: 'ATU13585627',
  BE: 'BE0403019261',
  DE: 'DE136695976',
  DK: 'DK13585628',
  EE: 'EE100931558',
  GR: 'EL094259216',
  ES: 'ESB58378431',
  FI: 'FI20774740',
  FR: 'FR40303265045',
  HR: 'HR33392005961',
  HU: 'HU12892312',
  IT: 'IT00743110157',
  LU: 'LU15027442',
  NL: 'NL004495445B01',
  PL: 'PL8567346215',
  PT: 'PT501964843',
  SE: 'SE123456789701',
  SI: 'SI50223054',
  SK: 'SK2022749619',
}

/** The same number with its check digit changed by one: a typical typing slip. */
function slipped(vat: string): string {
  // The Dutch and Swedish check digits stand before a fixed suffix ("B01", "01").
  const at = vat.startsWith('NL') ? vat.length - 4 : vat.startsWith('SE') ? vat.length - 3 : -1
  const index = at < 0 ? vat.length - 1 : at
  return vat.slice(0, index) + String((Number(vat[index]) + 1) % 10) + vat.slice(index + 1)
}

describe('parseEuVatNumber (issue 7 item 9)', () => {
  for (const [country, vat] of Object.entries(VALID)) {
    it(`accepts the ${country} number ${vat}`, () => {
      expect(parseEuVatNumber(vat, country)).toEqual({ ok: true, country, vat })
    })

    it(`refuses the ${country} number with its check digit mistyped`, () => {
      const result = parseEuVatNumber(slipped(vat), country)
      expect(result).toMatchObject({ ok: false, issue: { field: 'vat', rule: 'vat_check' } })
    })
  }

  it('accepts a Spanish DNI, NIE and a CIF ending in a letter', () => {
    expect(parseEuVatNumber('12345678Z', 'ES')).toMatchObject({ vat: 'ES12345678Z' })
    expect(parseEuVatNumber('X1234567L', 'ES')).toMatchObject({ vat: 'ESX1234567L' })
    expect(parseEuVatNumber('P0800000B', 'ES')).toMatchObject({ vat: 'ESP0800000B' })
    expect(parseEuVatNumber('12345678A', 'ES')).toMatchObject({ issue: { rule: 'vat_check' } })
  })

  it('accepts a French number whose key is letters, which has no published check', () => {
    expect(parseEuVatNumber('FRK7399859412', 'FR')).toMatchObject({ ok: true })
  })

  it('accepts a Dutch sole trader number that only the mod 97 rule accepts', () => {
    expect(parseEuVatNumber('NL000099998B57', 'NL')).toMatchObject({ ok: true })
  })

  it('normalises spaces, dots, hyphens and lower case', () => {
    const result = parseEuVatNumber(' de 136.695-976 ', 'DE')
    expect(result).toEqual({ ok: true, country: 'DE', vat: 'DE136695976' })
  })

  it('normalises full-width letters and digits to ASCII', () => {
    expect(parseEuVatNumber('ＤＥ１３６６９５９７６', 'DE')).toMatchObject({ vat: 'DE136695976' })
  })

  it('refuses digits of another script, naming the character', () => {
    const result = parseEuVatNumber('DE١٣٦٦٩٥٩٧٦', 'DE')
    expect(result).toEqual({
      ok: false,
      issue: {
        field: 'vat',
        rule: 'vat_format',
        message: 'contains U+0661, not a letter A-Z or digit 0-9',
      },
    })
  })

  it('refuses an invisible character inside the number', () => {
    const result = parseEuVatNumber('DE136\u200b695976', 'DE')
    expect(result).toMatchObject({ ok: false, issue: { message: /U\+200B/ } })
  })

  it('adds the country prefix to a number typed without it', () => {
    expect(parseEuVatNumber('B58378431', 'ES')).toMatchObject({ vat: 'ESB58378431' })
  })

  it('restores the leading 0 of a nine-digit Belgian number', () => {
    expect(parseEuVatNumber('BE403019261', 'BE')).toMatchObject({ vat: 'BE0403019261' })
  })

  it('reads a Greek number typed with GR as EL', () => {
    expect(parseEuVatNumber('GR094259216', 'GR')).toMatchObject({ vat: 'EL094259216' })
  })

  it('refuses a prefix that contradicts the country', () => {
    const result = parseEuVatNumber('DE136695976', 'FR')
    expect(result).toMatchObject({
      ok: false,
      issue: { rule: 'vat_country', message: 'is a DE VAT number, but the country is FR' },
    })
  })

  it('refuses a number outside the EU without a prefix', () => {
    const result = parseEuVatNumber('123456789', 'US')
    expect(result).toMatchObject({ ok: false, issue: { rule: 'vat_format' } })
  })

  it('refuses an empty number and an overlong one', () => {
    expect(parseEuVatNumber(' . ', 'DE')).toMatchObject({ issue: { rule: 'required' } })
    expect(parseEuVatNumber('DE'.repeat(30), 'DE')).toMatchObject({ issue: { rule: 'max' } })
  })

  it('names the field it was asked to', () => {
    expect(parseEuVatNumber('x', 'DE', 'buyer.vat')).toMatchObject({
      issue: { field: 'buyer.vat' },
    })
  })

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('DE', 'ES', 'US', ''), (s, c) => {
        const result = parseEuVatNumber(s, c)
        expect(typeof result.ok).toBe('boolean')
      }),
    )
  })
})

describe('checkVatNumber (issue 7 item 9)', () => {
  it('is unknown for a well-formed number when no registry lookup is configured', async () => {
    const result = await checkVatNumber('DE136695976', 'DE')
    expect(result).toEqual({
      verdict: 'unknown',
      number: { country: 'DE', vat: 'DE136695976' },
    })
  })

  it('does not ask the registry about a malformed number', async () => {
    const asked: string[] = []
    const registry: VatRegistryCheck = (number) => {
      asked.push(number.vat)
      return Promise.resolve('valid')
    }
    const result = await checkVatNumber('DE136695977', 'DE', registry)
    expect(result.verdict).toBe('invalid')
    expect(asked).toEqual([])
  })

  it("gives the registry's verdict on a well-formed number", async () => {
    const registry: VatRegistryCheck = (number) =>
      Promise.resolve(number.vat === 'DE136695976' ? 'valid' : 'invalid')
    expect((await checkVatNumber('DE136695976', 'DE', registry)).verdict).toBe('valid')
    const unregistered = await checkVatNumber('ATU13585627', 'AT', registry)
    expect(unregistered).toMatchObject({ verdict: 'invalid', issue: { rule: 'vat_registry' } })
  })

  it('is unknown when the registry lookup fails', async () => {
    const registry: VatRegistryCheck = () => Promise.reject(new Error('connect ETIMEDOUT'))
    expect((await checkVatNumber('DE136695976', 'DE', registry)).verdict).toBe('unknown')
  })
})
