import { describe, expect, it } from 'vitest'
import {
  searchForEmail,
  toUnicodeEmail,
} from '../../../src-renderer/src/features/mail/unicode-email'

describe('toUnicodeEmail', () => {
  it('shows the domain in Unicode and keeps a catch-all’s @', () => {
    expect(toUnicodeEmail('info@xn--bcher-kva.de')).toBe('info@bücher.de')
    expect(toUnicodeEmail('@xn--bcher-kva.de')).toBe('@bücher.de')
  })
})

describe('searchForEmail', () => {
  it('sends a Unicode domain in its xn-- form, word by word', () => {
    expect(searchForEmail('info@bücher.de  bücher.de')).toBe(
      'info@xn--bcher-kva.de xn--bcher-kva.de',
    )
    expect(searchForEmail('info@ joe')).toBe('info@ joe')
  })
})
