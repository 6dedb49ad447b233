import { describe, expect, it } from 'vitest'
import {
  identifierProblem,
  isHostname,
  validatorsByService,
} from '../../../src-shared/schemas/misc-identifiers'

describe('identifier validators of miscellaneous services', () => {
  it.each([
    ['domain', 'example.org', true],
    ['domain', 'xn--bcher-kva.example', true],
    ['domain', 'localhost', false],
    ['domain', 'a..b.org', false],
    ['domain', 'bücher.example', false],
    ['email', 'ana@example.org', true],
    ['email', 'ana@', false],
    ['hostname', 'vps1', true],
    ['hostname', '-vps1', false],
    ['hostname', 'a_b.org', false],
    ['iban', 'gb82west12345698765432', true],
    ['iban', 'gb82west12345698765431', false],
    ['iban', 'gb82 west 1234 5698 7654 32', false],
    ['ipv4', '192.0.2.10', true],
    ['ipv4', '192.0.2.256', false],
    ['ipv6', '2001:db8::1', true],
    ['ipv6', '2001:db8::g', false],
    ['ipv6', '192.0.2.1', false],
  ] as const)('%s takes %s: %s', (check, value, valid) => {
    expect(identifierProblem(check, value) === undefined).toBe(valid)
  })

  it('reads the setting as service=check, the last item of a service winning', () => {
    const map = validatorsByService(['registration=domain', 'mandate=iban', 'registration=email'])
    expect([...map]).toEqual([
      ['registration', 'email'],
      ['mandate', 'iban'],
    ])
  })

  it('holds the hostname rule of spec 0.3: labels of 63, 255 in all, one final dot', () => {
    expect(isHostname(`${'a'.repeat(63)}.org.`)).toBe(true)
    expect(isHostname(`${'a'.repeat(64)}.org`)).toBe(false)
    expect(isHostname(Array(128).fill('a').join('.'))).toBe(true)
    expect(isHostname(`${Array(128).fill('a').join('.')}.b`)).toBe(false)
  })
})
