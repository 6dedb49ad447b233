import { describe, expect, it } from 'vitest'
import {
  mysqlNativeHash,
  scramSha256Verifier,
  unixPasswordHash,
  verifyUnixPassword,
} from '../../../src-main/core/passwords'

describe('service password hashes', () => {
  it('hashes `password` as MySQL does (spec 14.36)', () => {
    expect(mysqlNativeHash('password')).toBe('*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19')
  })

  it('writes SHA-512 crypt hashes with a fresh salt each time', async () => {
    const hostile = `a'b"c$(id)\`x\`;\\`
    const first = await unixPasswordHash(hostile)
    expect(first).toMatch(/^\$6\$[./0-9A-Za-z]+\$[./0-9A-Za-z]{86}$/)
    expect(await unixPasswordHash(hostile)).not.toBe(first)
    expect(await verifyUnixPassword(hostile, first)).toBe(true)
    expect(await verifyUnixPassword('other', first)).toBe(false)
  })

  it('writes SCRAM-SHA-256 verifiers in the form PostgreSQL stores', () => {
    const salt = Buffer.from('0123456789abcdef')
    const verifier = scramSha256Verifier('secret', salt)
    expect(verifier).toMatch(
      /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/,
    )
    expect(verifier).toBe(scramSha256Verifier('secret', salt))
    expect(scramSha256Verifier('secret')).not.toBe(scramSha256Verifier('secret'))
  })
})
