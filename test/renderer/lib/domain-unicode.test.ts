import { domainToASCII, domainToUnicode } from 'node:url'
import { describe, expect, it } from 'vitest'
import { searchForName } from '../../../src-renderer/src/lib/domain-search'
import { isInternationalName, toUnicodeName } from '../../../src-renderer/src/lib/domain-unicode'

const NAMES = ['bäckerei-beispiel.de', 'münchen.de', '例え.テスト', 'пример.рф', 'ὀδυσσεύς.gr']

describe('toUnicodeName', () => {
  it.each(NAMES)('reads %s back from its xn-- form as Node does', (name) => {
    const ascii = domainToASCII(name)
    expect(toUnicodeName(ascii)).toBe(domainToUnicode(ascii))
    expect(toUnicodeName(ascii)).toBe(name)
  })

  it('leaves ASCII names and broken Punycode labels as they are', () => {
    expect(toUnicodeName('mail.example.org')).toBe('mail.example.org')
    expect(toUnicodeName('xn--.example.org')).toBe('xn--.example.org')
    expect(toUnicodeName('xn--a!b.example.org')).toBe('xn--a!b.example.org')
  })

  it('tells an international name by any xn-- label', () => {
    expect(isInternationalName('www.xn--mnchen-3ya.de')).toBe(true)
    expect(isInternationalName('www.example.de')).toBe(false)
  })
})

describe('searchForName', () => {
  it('sends Unicode words in the stored xn-- form and ASCII words as typed', () => {
    expect(searchForName('bäckerei-beispiel.de www')).toBe('xn--bckerei-beispiel-vnb.de www')
  })
})
