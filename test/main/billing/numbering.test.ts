import { describe, expect, it } from 'vitest'
import { formatBillNumber, provisionalPrefix } from '../../../src-main/billing/numbering'

describe('formatBillNumber (spec 7.3)', () => {
  it('writes prefix, year and the sequence zero padded', () => {
    expect(formatBillNumber('I', 2026, 7, 4)).toBe('I20260007')
  })

  it('never cuts a sequence longer than the padding', () => {
    expect(formatBillNumber('I', 2026, 10000, 4)).toBe('I202610000')
  })

  it('refuses a sequence below 1', () => {
    expect(() => formatBillNumber('I', 2026, 0, 4)).toThrow(RangeError)
  })

  it('puts an open bill in the O series of its prefix', () => {
    expect(formatBillNumber(provisionalPrefix('F'), 2026, 3, 4)).toBe('OF20260003')
  })
})
