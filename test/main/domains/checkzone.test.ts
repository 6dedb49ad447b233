import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  domainNameSchema,
  recordInputSchema,
  type RecordInput,
} from '../../../src-shared/schemas/domains'
import { checkZone } from '../../../src-main/domains/checkzone'
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
  mx: ['10 mail.orchestra.lan.'],
  ns: ['ns1.orchestra.lan.', 'ns2.orchestra.lan.'],
}

const CNAME_ALONE =
  'CNAME and other data: a CNAME must be the only record of its name, ' +
  'and a top domain always has SOA and NS'

const dir = mkdtempSync(join(tmpdir(), 'zone-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function domain(name: string, records: RecordInput[] = []): ZoneDomain {
  return {
    name: domainNameSchema.parse(name),
    serial: 2026120400,
    refresh: '',
    retry: '',
    expire: '',
    minTtl: '',
    records: records.map((record) => recordInputSchema.parse(record)),
  }
}

/** What the real BIND tool says of a zone file: its exit status and output. */
function namedCheckzone(origin: string, zone: string) {
  const file = join(dir, origin)
  writeFileSync(file, zone)
  try {
    const output = execFileSync('named-checkzone', [
      '-k',
      'fail',
      '-n',
      'fail',
      '-i',
      'full',
      origin,
      file,
    ])
    return { status: 0, output: output.toString() }
  } catch (error) {
    const failed = error as { status: number; stdout: Buffer }
    return { status: failed.status, output: failed.stdout.toString() }
  }
}

function dkimKey(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
}

describe('zones in named-checkzone', () => {
  it('loads an international domain with a 2048-bit DKIM key under its xn-- name', () => {
    const key = dkimKey()
    const origin = domain('bäckerei-beispiel.de', [{ type: 'TXT', value: '"v=spf1 mx -all"' }])
    const dkim = domain('default._domainkey.bäckerei-beispiel.de', [
      { type: 'TXT', value: `"v=DKIM1; k=rsa; p=${key}"` },
    ])
    const zone = renderZone(origin, [dkim], DEFAULTS)
    const result = namedCheckzone(origin.name, zone)
    console.log(`named-checkzone -k fail -n fail -i full ${origin.name}:\n${result.output}`)

    expect(origin.name).toBe('xn--bckerei-beispiel-vnb.de')
    expect(result).toEqual({
      status: 0,
      output: expect.stringContaining('loaded serial 2026120400'),
    })
    expect(zone).toContain('default._domainkey.xn--bckerei-beispiel-vnb.de.')
    const txt = zone.split('\n').find((line) => line.includes('v=DKIM1'))!
    const strings = txt.match(/"[^"]*"/g)!.map((s) => s.length - 2)
    expect(strings[0]).toBe(255)
    expect(strings.reduce((a, b) => a + b)).toBe(`v=DKIM1; k=rsa; p=${key}`.length)
    expect(txt.replace(/" "/g, '')).toContain(`p=${key}"`)
  })

  it('keeps hostile TXT values inside their strings', () => {
    const hostile = [
      '"quote \\" and backslash \\\\ here"',
      '"$(touch /tmp/pwned) `id` ; comment"',
      '"$INCLUDE /etc/passwd"',
      '"\\\\"',
      '"( unbalanced"',
    ].map((value) => ({ type: 'TXT' as const, value }))
    const origin = domain('example.org', hostile)
    const zone = renderZone(origin, [], DEFAULTS)
    expect(namedCheckzone('example.org', zone).status).toBe(0)
    expect(zone.split('\n').filter((line) => line.includes(' TXT '))).toHaveLength(hostile.length)
  })

  it('refuses a newline in TXT before it can reach the zone', () => {
    expect(
      recordInputSchema.safeParse({ type: 'TXT', value: '"a\n$INCLUDE /etc/passwd"' }).success,
    ).toBe(false)
  })

  it('loads service names with an underscore: a _dmarc top domain and a SRV subdomain', () => {
    const dmarc = domain('_dmarc.shop.example.net', [{ type: 'TXT', value: '"v=DMARC1; p=none"' }])
    expect(namedCheckzone(dmarc.name, renderZone(dmarc, [], DEFAULTS))).toMatchObject({
      status: 0,
    })
    const origin = domain('example.org')
    const subs = [
      domain('_sip._tcp.example.org', [{ type: 'SRV', value: '0 5 5060 sip.example.org.' }]),
      domain('sip.example.org', [{ type: 'A', value: '192.0.2.5' }]),
      domain('_dmarc.example.org', [{ type: 'TXT', value: '"v=DMARC1; p=reject"' }]),
    ]
    const result = namedCheckzone(origin.name, renderZone(origin, subs, DEFAULTS))
    expect(result).toEqual({ status: 0, output: expect.stringContaining('loaded serial') })
  })

  it('loads a zone with its own SOA, and refuses an SOA on a subdomain at its line', async () => {
    const soa = { type: 'SOA' as const, value: 'ns1.example.net. dns.example.net. 1 3h 1h 2w 10m' }
    const origin = domain('example.org', [soa])
    expect(namedCheckzone(origin.name, renderZone(origin, [], DEFAULTS)).status).toBe(0)
    const sub = domain('a.example.org', [soa])
    const problems = await checkZone(origin.name, renderZoneLines(origin, [sub], DEFAULTS))
    expect(problems).toContainEqual({
      message: 'SOA record not at top of zone (a.example.org)',
      line: expect.objectContaining({ domain: 'a.example.org', record: 0 }),
    })
  })

  it('loads a CAA record and the SOA of a hostmaster with a dot in the local part', () => {
    const origin = domain('example.org', [{ type: 'CAA', value: '0 issue "letsencrypt.org"' }])
    const zone = renderZone(origin, [], { ...DEFAULTS, hostmaster: 'dns.team@example.net' })
    expect(namedCheckzone('example.org', zone).status).toBe(0)
  })
})

describe('checkZone', () => {
  it('places BIND’s complaint on the record it concerns: the CNAME beside other data', async () => {
    const origin = domain('example.org')
    const www = domain('www.example.org', [
      { type: 'CNAME', value: 'other.example.net.' },
      { type: 'TXT', value: 'beside-a-cname' },
    ])
    const problems = await checkZone(origin.name, renderZoneLines(origin, [www], DEFAULTS))
    expect(problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('CNAME and other data'),
        line: expect.objectContaining({ domain: 'www.example.org', record: 0 }),
      }),
    ])
  })

  it('blames the CNAME at the apex, not the default NS BIND found beside it', async () => {
    const origin = domain('example.org', [
      { type: 'TXT', value: 'first' },
      { type: 'CNAME', value: 'edge.example.net.' },
    ])
    const problems = await checkZone(origin.name, renderZoneLines(origin, [], DEFAULTS))
    expect(problems).toEqual([
      {
        message: `example.org: ${CNAME_ALONE}`,
        line: expect.objectContaining({ domain: 'example.org', record: 1 }),
      },
    ])
  })

  it('finds the apex NS a missing address is about by its target', async () => {
    const origin = domain('example.org', [
      { type: 'NS', value: 'ns.example.net.' },
      { type: 'NS', value: 'ns2.example.org.' },
    ])
    const problems = await checkZone(origin.name, renderZoneLines(origin, [], DEFAULTS))
    expect(problems).toEqual([
      {
        message: "NS 'ns2.example.org' has no address records (A or AAAA)",
        line: expect.objectContaining({ domain: 'example.org', record: 1 }),
      },
    ])
  })

  it('has nothing to say of a zone BIND loads', async () => {
    const origin = domain('example.org')
    expect(await checkZone(origin.name, renderZoneLines(origin, [], DEFAULTS))).toEqual([])
  })
})
