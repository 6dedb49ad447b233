import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { domainNameSchema, recordInputSchema } from '../../../src-shared/schemas/domains'
import type { RecordType } from '../../../src-shared/schemas/domain-records'
import { CHECKZONE_ARGS } from '../../../src-main/domains/checkzone'
import { renderZone, type ZoneDefaults, type ZoneDomain } from '../../../src-main/domains/zone'
import { hostileString } from '../../support/hostile'

const DEFAULTS: ZoneDefaults = {
  nameServer: 'ns.orchestra.lan',
  hostmaster: 'hostmaster@orchestra.lan',
  ttl: '1h',
  refresh: '1d',
  retry: '2h',
  expire: '4w',
  minTtl: '1h',
  a: '',
  aaaa: '',
  mx: [],
  ns: ['ns1.orchestra.lan.'],
}

const dir = mkdtempSync(join(tmpdir(), 'zone-hostile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function loads(zone: string): boolean {
  const file = join(dir, 'zone')
  writeFileSync(file, zone)
  try {
    execFileSync('named-checkzone', [...CHECKZONE_ARGS, 'example.org', file], { stdio: 'pipe' })
    return true
  } catch {
    return false
  }
}

const zoneDomain = (name: string, records: ZoneDomain['records']): ZoneDomain => ({
  name,
  serial: 1,
  refresh: '',
  retry: '',
  expire: '',
  minTtl: '',
  records,
})

/** Each type's value with the hostile text where a user's free text goes. */
const TEMPLATES: [RecordType, (text: string) => string][] = [
  ['TXT', (text) => `"${text}"`],
  ['TXT', (text) => text],
  ['SPF', (text) => `"v=spf1 ${text}"`],
  ['CAA', (text) => `0 issue "${text}"`],
  ['MX', (text) => `10 ${text}.`],
  ['CNAME', (text) => `${text}.example.net.`],
  ['SRV', (text) => `0 5 5060 ${text}.`],
  ['A', (text) => text],
  ['SOA', (text) => `ns1.example.net. ${text}. 1 1d 2h 4w 1h`],
]

describe('hostile record values in a zone file', () => {
  it.each(TEMPLATES)(
    'keeps an accepted %s value on its own line, and BIND loads it',
    (type, of) => {
      let accepted = 0
      fc.assert(
        fc.property(hostileString('/tmp/zone-'), (text) => {
          const parsed = recordInputSchema.safeParse({ type, value: of(text) })
          if (!parsed.success) return
          accepted += 1
          // An SOA belongs to the origin; anything else sits on a subdomain of its own, where a
          // CNAME is legal.
          const soa = type === 'SOA'
          const zone = renderZone(
            zoneDomain('example.org', soa ? [parsed.data] : []),
            soa ? [] : [zoneDomain('host.example.org', [parsed.data])],
            DEFAULTS,
          )
          const lines = zone.trimEnd().split('\n')
          expect(lines).toHaveLength(soa ? 2 : 3)
          for (const line of lines) {
            expect(line).toMatch(/^(host\.)?example\.org\. +1h IN [A-Z]+ +\S/)
          }
          expect(loads(zone), zone).toBe(true)
        }),
        // Plain words too, so every type has values it accepts and BIND checks.
        { numRuns: 60, examples: [['0'], ['mail'], ['x-y'], ['192.0.2.1']] },
      )
      console.log(`${type}: ${accepted} of 64 values accepted, each loaded by BIND`)
    },
  )

  it('accepts only names BIND reads as plain labels', () => {
    fc.assert(
      fc.property(hostileString('/tmp/zone-'), (text) => {
        for (const raw of [text, `${text}.example.org`, `_${text}.example.org`]) {
          const parsed = domainNameSchema.safeParse(raw)
          if (parsed.success) expect(parsed.data).toMatch(/^(\*\.)?[a-z0-9_.-]+$/)
        }
      }),
      { numRuns: 300 },
    )
  })
})
