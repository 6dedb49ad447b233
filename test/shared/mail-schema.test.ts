import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  forwardSchema,
  localPartSchema,
  mailboxCreateSchema,
  mailboxNameSchema,
} from '../../src-shared/schemas/mail'
import { MAIL_SETTINGS } from '../../src-shared/schemas/mail-settings'
import { hostileString } from '../support/hostile'

/** What spec 15.1 found in the original's scripts: none of it may pass. */
const METACHARACTERS = /['`$|&{}/\\"<>;()*?[\]~#!\s\p{Cc}]/u

describe('mail names', () => {
  it('lets no shell, sed or Postfix metacharacter through a local part or a login', () => {
    fc.assert(
      fc.property(hostileString('/tmp/mail-'), (text) => {
        for (const schema of [localPartSchema, mailboxNameSchema]) {
          const parsed = schema.safeParse(text)
          if (parsed.success) expect(parsed.data).not.toMatch(METACHARACTERS)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('lets no metacharacter into a forward token', () => {
    fc.assert(
      fc.property(hostileString('/tmp/mail-'), (text) => {
        const parsed = forwardSchema.safeParse(`${text}@example.org`)
        if (parsed.success) {
          for (const token of parsed.data.split(/\s+/)) expect(token).not.toMatch(METACHARACTERS)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('lower-cases a login and keeps it within 32 characters (14.20)', () => {
    expect(mailboxNameSchema.parse(' John.Doe ')).toBe('john.doe')
    expect(mailboxNameSchema.safeParse('a'.repeat(33)).success).toBe(false)
    expect(mailboxNameSchema.safeParse('a'.repeat(32)).success).toBe(true)
  })

  it('requires a script for CUSTOM filtering', () => {
    const base = { accountId: 1, name: 'bob', password: 'correct horse' }
    expect(mailboxCreateSchema.safeParse({ ...base, filtering: 'CUSTOM' }).success).toBe(false)
    const custom = { ...base, filtering: 'CUSTOM', customFiltering: 'keep;' }
    expect(mailboxCreateSchema.safeParse(custom).success).toBe(true)
  })
})

describe('MAILBOXES_ settings', () => {
  it('reads the vmail ids as the settings page sends them, as text', () => {
    expect(MAIL_SETTINGS.MAILBOXES_VMAIL_UID.schema.parse('5001')).toBe(5001)
    expect(MAIL_SETTINGS.MAILBOXES_VMAIL_GID.schema.safeParse('0').success).toBe(false)
    expect(MAIL_SETTINGS.MAILBOXES_HOME_BASE.schema.safeParse('/var/mail/$(id)').success).toBe(
      false,
    )
  })
})
