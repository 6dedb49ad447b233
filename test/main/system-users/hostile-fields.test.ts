import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  directorySchema,
  homeSchema,
  systemUserCreateSchema,
  systemUsernameSchema,
} from '../../../src-shared/schemas/system-users'
import { hostileString } from '../../support/hostile'

/** What may reach a server as a word of a command: no quote, space, `$` or line break. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./~-]*$/

describe('system user fields that reach a server', () => {
  const hostile = hostileString('/etc/')

  it('accept no hostile username that is not a plain UNIX name', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const parsed = systemUsernameSchema.safeParse(value)
        if (parsed.success) expect(parsed.data).toMatch(/^[a-z_][a-z0-9_-]{0,31}$/)
      }),
      { numRuns: 2000 },
    )
  })

  it('accept no home or directory with a shell character or a way up', () => {
    fc.assert(
      fc.property(hostile, hostile, (home, directory) => {
        for (const [schema, value] of [
          [homeSchema, home],
          [directorySchema, directory],
        ] as const) {
          const parsed = schema.safeParse(value)
          if (!parsed.success) continue
          expect(parsed.data).toMatch(SAFE_WORD)
          expect(parsed.data.split('/')).not.toContain('..')
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('keep an accepted directory relative', () => {
    fc.assert(
      fc.property(hostile, (directory) => {
        const parsed = directorySchema.safeParse(`/${directory}`)
        if (parsed.success) expect(parsed.data.startsWith('/')).toBe(false)
      }),
    )
  })

  it('refuse a shell with a line break or control character', () => {
    for (const shell of ['/bin/bash\n; touch /etc/pwned', '/bin/sh\u0000', '/bin/ba\u001bsh']) {
      const parsed = systemUserCreateSchema.safeParse({ accountId: 1, username: 'u', shell })
      expect(parsed.success).toBe(false)
    }
  })
})
