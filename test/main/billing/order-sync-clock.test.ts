import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localMoment } from '../../../src-main/data/order-clock'

// "Today" for orders (spec billing 4): the calendar date in the installation's time zone.

describe('localMoment', () => {
  it('dates an instant after local midnight on the local day, not the UTC one', () => {
    expect(localMoment('2026-03-01T23:30:00Z', 'Europe/Madrid')).toEqual({
      today: '2026-03-02',
      instant: '2026-03-02T00:30:00+01:00',
    })
  })

  it('dates an instant before local midnight west of Greenwich on the day before', () => {
    expect(localMoment('2026-01-01T03:00:00Z', 'America/Los_Angeles')).toEqual({
      today: '2025-12-31',
      instant: '2025-12-31T19:00:00-08:00',
    })
  })

  it('follows the change to summer time in the offset', () => {
    expect(localMoment('2026-03-29T00:30:00Z', 'Europe/Madrid').instant).toBe(
      '2026-03-29T01:30:00+01:00',
    )
    expect(localMoment('2026-03-29T01:30:00Z', 'Europe/Madrid').instant).toBe(
      '2026-03-29T03:30:00+02:00',
    )
  })

  it('writes half-hour offsets', () => {
    expect(localMoment('2026-06-01T00:00:00Z', 'Asia/Kolkata').instant).toBe(
      '2026-06-01T05:30:00+05:30',
    )
  })

  it('gives back the same instant, with its local date first, in any zone', () => {
    const zones = [
      'UTC',
      'Europe/Madrid',
      'America/St_Johns',
      'Pacific/Kiritimati',
      'Asia/Kathmandu',
    ]
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (at, zone) => {
          const moment = localMoment(at, zone)
          expect(Date.parse(moment.instant)).toBe(Math.floor(at.getTime() / 1000) * 1000)
          expect(moment.instant.slice(0, 10)).toBe(moment.today)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
