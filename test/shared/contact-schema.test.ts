import { describe, expect, it } from 'vitest'
import { contactInputSchema, type ContactInput } from '../../src-shared/schemas/contacts'
import { toFieldIssues } from '../../src-shared/validation'

function issues(contact: Partial<ContactInput>) {
  const result = contactInputSchema.safeParse({
    shortName: 'Ana',
    email: 'a@example.net',
    ...contact,
  })
  return result.success ? [] : toFieldIssues(result.error).map((i) => `${i.field}:${i.rule}`)
}

describe('contactInputSchema', () => {
  it('accepts a local Spanish mobile number and an international one', () => {
    expect(issues({ phone: '612345678' })).toEqual([])
    expect(issues({ phone2: '+44 20 7946 0958' })).toEqual([])
  })

  it('rejects a phone number that is neither local nor international', () => {
    expect(issues({ phone: '12' })).toEqual(['phone:phone'])
  })

  it('checks a local number against the contact country', () => {
    expect(issues({ country: 'GB', phone: '020 7946 0958' })).toEqual([])
    expect(issues({ country: 'ES', phone: '01 23 45 67 89' })).toEqual(['phone:phone'])
  })

  it('leaves a number valid in some country for main while the country is not given', () => {
    // A French landline: the operator's default country, which main fills in, may be FR.
    expect(issues({ phone: '01 23 45 67 89' })).toEqual([])
  })

  it('requires city, zipcode and country with an address', () => {
    expect(issues({ address: 'Carrer Major 1', country: '' })).toEqual([
      'city:required_with_address',
      'zipcode:required_with_address',
      'country:required_with_address',
    ])
  })

  it('requires a country with a zipcode', () => {
    expect(issues({ zipcode: '08001', country: '' })).toEqual(['country:required_with_zipcode'])
  })

  it('checks the zipcode against the country', () => {
    expect(issues({ zipcode: '08-001', country: 'ES' })).toEqual(['zipcode:zipcode'])
    expect(issues({ zipcode: '08001', country: 'ES' })).toEqual([])
    expect(issues({ zipcode: 'sw1a 1aa', country: 'GB' })).toEqual([])
  })

  it('keeps email usages in canonical order without duplicates', () => {
    const parsed = contactInputSchema.parse({
      shortName: 'Ana',
      email: 'a@example.net',
      emailUsage: ['TECH', 'BILLING', 'TECH'],
    })
    expect(parsed.emailUsage).toEqual(['BILLING', 'TECH'])
  })

  it('rejects an unknown usage', () => {
    expect(issues({ emailUsage: ['SPAM' as 'TECH'] })).toEqual(['emailUsage.0:choice'])
  })
})
