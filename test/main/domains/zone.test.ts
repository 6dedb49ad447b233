import { describe, expect, it } from 'vitest'
import type { DomainRecord } from '../../../src-shared/schemas/domains'
import {
  renderZone,
  renderZoneLines,
  type ZoneDefaults,
  type ZoneDomain,
} from '../../../src-main/domains/zone'

const DEFAULTS: ZoneDefaults = {
  nameServer: 'ns.orchestra.lan',
  hostmaster: 'hostmaster@orchestra.lan',
  ttl: '1h',
  refresh: '1d',
  retry: '2h',
  expire: '4w',
  minTtl: '1h',
  a: '10.0.3.13',
  aaaa: '',
  mx: ['10 mail.orchestra.lan.', '10 mail2.orchestra.lan.'],
  ns: ['ns1.orchestra.lan.', 'ns2.orchestra.lan.'],
}

function zoneDomain(name: string, records: DomainRecord[] = []): ZoneDomain {
  return { name, serial: 2016010101, refresh: '', retry: '', expire: '', minTtl: '', records }
}

const rec = (type: DomainRecord['type'], value: string, ttl = ''): DomainRecord => ({
  type,
  value,
  ttl,
})
const types = (origin: ZoneDomain, subs: ZoneDomain[] = []) =>
  renderZoneLines(origin, subs, DEFAULTS).map((l) => l.text.split(/\s+/).slice(0, 4).join(' '))

describe('renderZone', () => {
  it('writes the example of spec 1.5 column for column', () => {
    const soa = 'ns.orchestra.lan. hostmaster.orchestra.lan. 2016010101 1d 2h 4w 1h'
    expect(renderZone(zoneDomain('example.org'), [], DEFAULTS)).toBe(
      [
        `example.org.                                1h IN SOA      ${soa}`,
        'example.org.                                1h IN NS       ns1.orchestra.lan.',
        'example.org.                                1h IN NS       ns2.orchestra.lan.',
        'example.org.                                1h IN MX       10 mail.orchestra.lan.',
        'example.org.                                1h IN MX       10 mail2.orchestra.lan.',
        'example.org.                                1h IN A        10.0.3.13',
        '',
      ].join('\n'),
    )
  })

  it('encodes the hostmaster as an RFC 1035 mailbox and uses the zone’s own timers', () => {
    const origin = { ...zoneDomain('example.org'), refresh: '2d' }
    const zone = renderZone(origin, [], { ...DEFAULTS, hostmaster: 'dns.admin@example.net' })
    expect(zone).toContain(
      'SOA      ns.orchestra.lan. dns\\.admin.example.net. 2016010101 2d 2h 4w 1h',
    )
  })

  it('writes declared records first, in their order, with their own TTL', () => {
    const origin = zoneDomain('example.org', [rec('TXT', '"x"', '5m'), rec('A', '10.0.0.1')])
    expect(types(origin)).toEqual([
      'example.org. 1h IN SOA',
      'example.org. 5m IN TXT',
      'example.org. 1h IN A',
      'example.org. 1h IN NS',
      'example.org. 1h IN NS',
      'example.org. 1h IN MX',
      'example.org. 1h IN MX',
    ])
  })

  it('gives an empty subdomain the default MX and A, and a CNAME-only one nothing', () => {
    const lines = types(zoneDomain('example.org', [rec('MX', '10 mx.example.net.')]), [
      zoneDomain('www.example.org'),
      zoneDomain('cdn.example.org', [rec('CNAME', 'edge.example.net.')]),
    ])
    expect(lines.filter((l) => l.startsWith('www.'))).toEqual([
      'www.example.org. 1h IN MX',
      'www.example.org. 1h IN MX',
      'www.example.org. 1h IN A',
    ])
    expect(lines.filter((l) => l.startsWith('cdn.'))).toEqual(['cdn.example.org. 1h IN CNAME'])
    expect(lines.filter((l) => l.startsWith('example.org. 1h IN MX'))).toHaveLength(1)
  })

  it('gives a subdomain with an AAAA the default MX but no default A', () => {
    const lines = types(zoneDomain('example.org'), [
      zoneDomain('v6.example.org', [rec('AAAA', '2001:db8::1')]),
    ])
    expect(lines.filter((l) => l.startsWith('v6.'))).toEqual([
      'v6.example.org. 1h IN AAAA',
      'v6.example.org. 1h IN MX',
      'v6.example.org. 1h IN MX',
    ])
  })

  it('gives a name with an underscore label no MX, A or AAAA, even as a top domain', () => {
    const defaults = { ...DEFAULTS, aaaa: '2001:db8::13' }
    const dmarc = zoneDomain('_dmarc.shop.example.net', [rec('TXT', '"v=DMARC1; p=none"')])
    const top = renderZoneLines(dmarc, [], defaults).map((l) => l.text.split(/\s+/)[3])
    expect(top).toEqual(['SOA', 'TXT', 'NS', 'NS'])
    const sip = zoneDomain('_sip._tcp.example.org', [rec('SRV', '0 5 5060 sip.example.org.')])
    const empty = zoneDomain('_empty.example.org')
    const lines = renderZoneLines(zoneDomain('example.org'), [sip, empty], defaults)
    expect(lines.filter((l) => l.domain !== 'example.org').map((l) => l.text)).toEqual([
      expect.stringMatching(/^_sip\._tcp\.example\.org\. .* IN SRV /),
    ])
    expect(lines.filter((l) => l.domain === 'example.org').map((l) => l.text)).toContainEqual(
      expect.stringMatching(/IN AAAA +2001:db8::13$/),
    )
  })

  it('writes a declared SOA first in place of the default, with the zone’s serial', () => {
    const soa = rec('SOA', 'ns1.example.net. dns.example.net. 1 3h 1h 2w 10m', '5m')
    const origin = zoneDomain('example.org', [rec('A', '10.0.0.1'), soa])
    const lines = renderZoneLines(origin, [], DEFAULTS)
    expect(lines[0]).toEqual({
      text:
        'example.org.                                5m IN SOA      ' +
        'ns1.example.net. dns.example.net. 2016010101 3h 1h 2w 10m',
      domain: 'example.org',
      record: 1,
    })
    expect(lines.filter((l) => l.text.includes(' IN SOA '))).toHaveLength(1)
    expect(lines[1]).toMatchObject({ record: 0 })
  })

  it('writes wildcard subdomains last, the longest first', () => {
    const subs = ['*.example.org', 'a.example.org', '*.b.example.org'].map((name) =>
      zoneDomain(name, [rec('A', '10.0.0.2')]),
    )
    const owners = [
      ...new Set(renderZoneLines(zoneDomain('example.org'), subs, DEFAULTS).map((l) => l.domain)),
    ]
    expect(owners).toEqual(['example.org', 'a.example.org', '*.b.example.org', '*.example.org'])
  })

  it('splits TXT data longer than 255 bytes into several quoted strings of one record', () => {
    const data = 'x'.repeat(600)
    const zone = renderZone(zoneDomain('example.org', [rec('TXT', `"${data}"`)]), [], DEFAULTS)
    const txt = zone.split('\n').find((l) => l.includes(' TXT '))!
    expect(txt.endsWith(`"${'x'.repeat(255)}" "${'x'.repeat(255)}" "${'x'.repeat(90)}"`)).toBe(true)
  })

  it('escapes quotes and backslashes of TXT data for the zone file', () => {
    const zone = renderZone(zoneDomain('example.org', [rec('TXT', '"a\\"b\\\\c"')]), [], DEFAULTS)
    expect(zone).toContain('TXT      "a\\"b\\\\c"')
  })
})
