import { describe, expect, it } from 'vitest'
import { accountCreateSchema, usernameSchema } from '../../src-shared/schemas/accounts'
import { toFieldIssues } from '../../src-shared/validation'
import { accountInput } from '../support/core'

function usernameRule(name: string): string | undefined {
  const result = usernameSchema.safeParse(name)
  return result.success ? undefined : toFieldIssues(result.error)[0]?.rule
}

describe('usernameSchema', () => {
  it('accepts letters, digits, dots, dashes and underscores', () => {
    expect(usernameRule('ana.l-p_1')).toBeUndefined()
    expect(usernameRule('_svc')).toBeUndefined()
  })

  it('rejects spaces, upper case and non-ASCII letters', () => {
    expect(usernameRule('ana lopez')).toBe('pattern')
    expect(usernameRule('Ana')).toBe('pattern')
    expect(usernameRule('núria')).toBe('pattern')
  })

  it('rejects names a shell tool would read as an option or a path', () => {
    for (const name of ['-rf', '..', '.', '../etc', 'a/b', 'x;rm -rf /', '$(id)', "a'b"]) {
      expect(usernameRule(name), name).toBe('pattern')
    }
  })

  it('rejects names over 32 characters', () => {
    expect(usernameRule('a'.repeat(32))).toBeUndefined()
    expect(usernameRule('a'.repeat(33))).toBe('max_length')
  })

  it('rejects reserved system names', () => {
    expect(usernameRule('root')).toBe('reserved')
    expect(usernameRule('postmaster')).toBe('reserved')
    expect(usernameRule('systemd-foo')).toBe('reserved')
  })
})

describe('accountCreateSchema', () => {
  it('requires at least one contact', () => {
    const result = accountCreateSchema.safeParse(accountInput({ contacts: [] }))
    expect(result.success).toBe(false)
    expect(toFieldIssues(result.error!)).toContainEqual(
      expect.objectContaining({ field: 'contacts', rule: 'min_items' }),
    )
  })

  it('names the field of a nested contact error', () => {
    const input = accountInput({ contacts: [{ shortName: 'A', email: 'not-an-email' }] })
    const issues = toFieldIssues(accountCreateSchema.safeParse(input).error!)
    expect(issues).toEqual([
      { field: 'contacts.0.email', rule: 'email', message: 'is not a valid email address' },
    ])
  })

  it('trims names and fills the defaults that settings do not decide', () => {
    const parsed = accountCreateSchema.parse(accountInput({ fullName: '  Ana Puig  ' }))
    expect(parsed.fullName).toBe('Ana Puig')
    expect(parsed.isSuperuser).toBe(false)
    expect(parsed.contacts[0]!.emailUsage).toHaveLength(6)
  })

  it('leaves type, language and contact country unset for main to take from the settings', () => {
    const parsed = accountCreateSchema.parse(accountInput())
    expect(parsed.type).toBeUndefined()
    expect(parsed.language).toBeUndefined()
    expect(parsed.contacts[0]!.country).toBeUndefined()
  })

  it('refuses unknown fields instead of ignoring them', () => {
    const result = accountCreateSchema.safeParse({ ...accountInput(), isActive: false })
    expect(toFieldIssues(result.error!)[0]).toMatchObject({
      field: 'isActive',
      rule: 'unknown_field',
    })
  })
})
