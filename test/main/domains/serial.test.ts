import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { nextSerial } from '../../../src-main/domains/serial'

const NOW = '2026-12-04T10:00:00.000Z'

describe('nextSerial', () => {
  it('starts a new zone at today’s 00', () => {
    expect(nextSerial(0, NOW)).toBe(2026120400)
  })

  it('moves to today’s 00 from an older day', () => {
    expect(nextSerial(2026120317, NOW)).toBe(2026120400)
  })

  it('counts up within the same day', () => {
    expect(nextSerial(2026120400, NOW)).toBe(2026120401)
    expect(nextSerial(2026120497, NOW)).toBe(2026120498)
  })

  it('refuses a 100th version in one day', () => {
    expect(() => nextSerial(2026120498, NOW)).toThrow(AppError)
    expect(() => nextSerial(2026120498, NOW)).toThrow(/no more serial numbers for today/)
  })
})
