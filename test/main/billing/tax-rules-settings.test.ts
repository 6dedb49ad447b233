import { describe, expect, it } from 'vitest'
import { SELLER_SETTINGS, MAX_LOGO_BYTES } from '../../../src-shared/schemas/seller-settings'

// Issue 7 item 9 and spec 8 / 11: the provider's details and the tax settings, each with its rule.

type Name = keyof typeof SELLER_SETTINGS

const parse = (name: Name, value: unknown) => SELLER_SETTINGS[name].schema.safeParse(value)
const accepted = (name: Name, value: unknown) => {
  const result = parse(name, value)
  if (!result.success) throw new Error(`${name} refused ${String(value)}: ${result.error.message}`)
  return result.data
}
const refusal = (name: Name, value: unknown) => {
  const result = parse(name, value)
  return result.success ? undefined : result.error.issues[0]?.message
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))

describe('seller settings (spec 8, 11)', () => {
  it('accepts every default under its own rule', () => {
    for (const [name, spec] of Object.entries(SELLER_SETTINGS)) {
      expect(spec.schema.safeParse(spec.default).success, name).toBe(true)
    }
  })

  it('starts the consumer rate table with the 27 EU states', () => {
    const table = SELLER_SETTINGS.BILLS_TAX_EU_CONSUMER_RATES.default
    expect(table).toHaveLength(27)
    expect(table).toContain('DE=19')
    expect(table).toContain('FI=25.5')
  })

  it('reads the rate table as the settings page sends it, one text', () => {
    expect(accepted('BILLS_TAX_EU_CONSUMER_RATES', 'de=19, fr=20')).toEqual(['DE=19', 'FR=20'])
  })

  it('refuses a rate for a state outside the EU, and a state twice', () => {
    expect(refusal('BILLS_TAX_EU_CONSUMER_RATES', 'CH=8.1')).toMatch(/EU country/)
    expect(refusal('BILLS_TAX_EU_CONSUMER_RATES', 'DE=19,DE=7')).toBe('names a country twice')
  })

  it('keeps a valid IBAN in capitals in groups of four', () => {
    const iban = accepted('BILLS_SELLER_BANK_ACCOUNT', 'es9121000418450200051332')
    expect(iban).toBe('ES91 2100 0418 4502 0005 1332')
  })

  it('refuses an IBAN whose check digits are wrong', () => {
    expect(refusal('BILLS_SELLER_BANK_ACCOUNT', 'ES92 2100 0418 4502 0005 1332')).toMatch(/IBAN/)
  })

  it('stores an EU seller VAT number in its checked form', () => {
    expect(accepted('BILLS_SELLER_VAT', 'es b-58378431')).toBe('ESB58378431')
  })

  it('reads a Greek seller VAT number typed in lower case with EL', () => {
    expect(accepted('BILLS_SELLER_VAT', 'el 094259216')).toBe('EL094259216')
  })

  it('refuses an EU seller VAT number with wrong check digits', () => {
    expect(refusal('BILLS_SELLER_VAT', 'ESB58378432')).toMatch(/check digits/)
  })

  it('keeps a tax id of a state outside the EU as typed', () => {
    expect(accepted('BILLS_SELLER_VAT', 'CHE-123.456.788')).toBe('CHE-123.456.788')
  })

  it('accepts a PNG logo as a data URL', () => {
    const url = `data:image/png;base64,${base64(PNG)}`
    expect(accepted('BILLS_SELLER_LOGO', url)).toBe(url)
  })

  it('refuses a data URL whose bytes are not an image', () => {
    const url = `data:image/png;base64,${base64(new TextEncoder().encode('<svg/>'))}`
    expect(refusal('BILLS_SELLER_LOGO', url)).toBe('must be a PNG or JPEG image')
  })

  it('refuses a logo over the size cap', () => {
    const big = new Uint8Array(MAX_LOGO_BYTES + 1)
    big.set(PNG)
    const url = `data:image/png;base64,${Buffer.from(big).toString('base64')}`
    expect(refusal('BILLS_SELLER_LOGO', url)).toBe('must be at most 256 KiB')
  })

  it('accepts the full path of a PNG or JPEG file and refuses other paths', () => {
    expect(accepted('BILLS_SELLER_LOGO', '/srv/brand/logo.PNG')).toBe('/srv/brand/logo.PNG')
    expect(refusal('BILLS_SELLER_LOGO', 'logo.png')).toMatch(/full path/)
    expect(refusal('BILLS_SELLER_LOGO', '/srv/brand/logo.svg')).toMatch(/full path/)
  })

  it('accepts an international phone number and refuses a made-up one', () => {
    expect(accepted('BILLS_SELLER_PHONE', '+34 932 123 456')).toBe('+34 932 123 456')
    expect(refusal('BILLS_SELLER_PHONE', '111-112-11-222')).toMatch(/international/)
  })

  it('refuses a seller e-mail that is not an address', () => {
    expect(refusal('BILLS_SELLER_EMAIL', 'sales at example.net')).toBeDefined()
  })

  it('reads the SMTP port and TLS switch as the settings page sends them', () => {
    expect(accepted('BILLS_SMTP_PORT', '465')).toBe(465)
    expect(accepted('BILLS_SMTP_SECURE', 'true')).toBe(true)
    expect(refusal('BILLS_SMTP_PORT', '70000')).toBeDefined()
  })

  it('refuses a control character in the seller name', () => {
    expect(refusal('BILLS_SELLER_NAME', 'Acme\r\nBcc: x@example.net')).toMatch(/control/)
  })
})
