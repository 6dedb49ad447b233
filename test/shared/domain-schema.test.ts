import { describe, expect, it } from 'vitest'
import {
  domainCreateSchema,
  domainNameSchema,
  recordInputSchema,
  zoneIntervalSchema,
  type RecordInput,
} from '../../src-shared/schemas/domains'
import { SETTINGS } from '../../src-shared/schemas/settings'
import { toFieldIssues } from '../../src-shared/validation'

function nameIssue(name: string) {
  const result = domainNameSchema.safeParse(name)
  return result.success ? undefined : toFieldIssues(result.error)[0]
}

function record(input: RecordInput) {
  const result = recordInputSchema.safeParse(input)
  return result.success
    ? { value: result.data.value }
    : { issue: toFieldIssues(result.error, input)[0] }
}

describe('domainNameSchema', () => {
  it('stores a name in lower case', () => {
    expect(domainNameSchema.parse('Example.ORG')).toBe('example.org')
  })

  // What node:url's domainToASCII and every browser make of it (UTS #46).
  it('stores an international name in its xn-- form, however its letters were composed', () => {
    expect(domainNameSchema.parse('bäckerei-beispiel.de')).toBe('xn--bckerei-beispiel-vnb.de')
    expect(domainNameSchema.parse('BÄCKEREI-beispiel.de')).toBe('xn--bckerei-beispiel-vnb.de')
    expect(domainNameSchema.parse('ba\u0308ckerei-beispiel.de')).toBe('xn--bckerei-beispiel-vnb.de')
  })

  it('names a pasted invisible character by its code point', () => {
    expect(nameIssue('exam\u200Bple.org')?.message).toContain('U+200B')
    expect(nameIssue('exam\u00ADple.org')?.message).toContain('U+00AD')
    expect(nameIssue('\uFEFFexample.org')?.message).toContain('U+FEFF')
    expect(nameIssue('example.org\u0007')?.message).toContain('U+0007')
  })

  it('rejects bad labels and accepts a label of 63 characters', () => {
    for (const name of ['-bad.example.org', 'a..b.org', 'ex ample.org', `${'a'.repeat(64)}.org`]) {
      expect(nameIssue(name)?.rule, name).toBe('hostname')
    }
    expect(nameIssue(`${'a'.repeat(63)}.org`)).toBeUndefined()
  })

  it('accepts a wildcard first label and service labels with an underscore', () => {
    expect(nameIssue('*.example.org')).toBeUndefined()
    expect(nameIssue('_sip._tcp.example.org')).toBeUndefined()
  })

  it('rejects a wildcard or an underscore anywhere else, and a bare TLD', () => {
    for (const name of ['*foo.example.org', 'a.*.example.org', 'a_b.example.org', 'org']) {
      expect(nameIssue(name)?.rule, name).toBe('hostname')
    }
  })

  it('rejects shell and zone-file syntax in a name', () => {
    for (const name of ['a;b.org', '$(id).org', 'a"b.org', 'a/b.org', 'ä$(x).org']) {
      expect(nameIssue(name), name).toBeDefined()
    }
  })
})

describe('zoneIntervalSchema', () => {
  it('accepts seconds, or a number and one unit', () => {
    for (const value of ['3600', '1h', '2w', ''])
      expect(zoneIntervalSchema.safeParse(value).success).toBe(true)
  })

  it('rejects upper-case units, fractions, unknown units and a unit alone', () => {
    for (const value of ['1H', '1.5h', '1y', 'h', '1h30m']) {
      const result = zoneIntervalSchema.safeParse(value)
      expect(result.success, value).toBe(false)
      expect(toFieldIssues(result.error!)[0]?.rule).toBe('zone_interval')
    }
  })
})

describe('recordInputSchema', () => {
  it('checks A and AAAA addresses by family', () => {
    expect(record({ type: 'A', value: '10.0.0.1' })).toEqual({ value: '10.0.0.1' })
    expect(record({ type: 'A', value: '300.1.1.1' }).issue?.rule).toBe('ipv4')
    expect(record({ type: 'AAAA', value: '2001:DB8::1' })).toEqual({ value: '2001:db8::1' })
    expect(record({ type: 'AAAA', value: '10.0.0.1' }).issue?.rule).toBe('ipv6')
  })

  it('wants a full host name with its final dot for NS and CNAME', () => {
    expect(record({ type: 'CNAME', value: 'Foo.Example.NET.' })).toEqual({
      value: 'foo.example.net.',
    })
    expect(record({ type: 'NS', value: 'ns1.example.net' }).issue?.rule).toBe('fqdn')
  })

  it('wants a priority and a host for MX', () => {
    expect(record({ type: 'MX', value: '10 mail.example.net.' })).toEqual({
      value: '10 mail.example.net.',
    })
    expect(record({ type: 'MX', value: 'mail.example.net.' }).issue?.rule).toBe('mx')
    expect(record({ type: 'MX', value: '10 mail.example.net' }).issue?.rule).toBe('fqdn')
  })

  it('wants priority, weight, port and host for SRV', () => {
    expect(record({ type: 'SRV', value: '0 5 5060 sip.example.net.' }).value).toBe(
      '0 5 5060 sip.example.net.',
    )
    expect(record({ type: 'SRV', value: '0 5 sip.example.net.' }).issue?.rule).toBe('srv')
    expect(record({ type: 'SRV', value: '0 5 70000 sip.example.net.' }).issue?.rule).toBe('srv')
  })

  it('wants TXT with a space quoted, and keeps its case', () => {
    expect(record({ type: 'TXT', value: 'v=spf1 mx -all' }).issue?.rule).toBe('quoted')
    expect(record({ type: 'TXT', value: '"v=spf1 MX -all"' })).toEqual({
      value: '"v=spf1 MX -all"',
    })
    expect(record({ type: 'SPF', value: 'v=spf1' })).toEqual({ value: '"v=spf1"' })
  })

  it('joins several quoted TXT strings and keeps escaped quotes and backslashes', () => {
    expect(record({ type: 'TXT', value: '"a b" "c"' })).toEqual({ value: '"a bc"' })
    expect(record({ type: 'TXT', value: '"say \\"hi\\" \\\\o/"' })).toEqual({
      value: '"say \\"hi\\" \\\\o/"',
    })
  })

  it('refuses an unescaped quote, a newline and non-ASCII in TXT', () => {
    expect(record({ type: 'TXT', value: '"a"b"' }).issue?.rule).toBe('quoted')
    expect(record({ type: 'TXT', value: '"a\nb"' }).issue?.message).toContain('U+000A')
    expect(record({ type: 'TXT', value: '"café"' }).issue?.rule).toBe('ascii')
  })

  it('checks CAA flags, tag and value, and quotes the value', () => {
    expect(record({ type: 'CAA', value: '0 issue "letsencrypt.org"' })).toEqual({
      value: '0 issue "letsencrypt.org"',
    })
    expect(record({ type: 'CAA', value: '128 ISSUEWILD ;' }).issue).toBeUndefined()
    expect(record({ type: 'CAA', value: '0 iodef mailto:dns@example.org' }).value).toBe(
      '0 iodef "mailto:dns@example.org"',
    )
    expect(record({ type: 'CAA', value: '256 issue "ca.example"' }).issue?.rule).toBe('caa')
    expect(record({ type: 'CAA', value: '0 pwn "ca.example"' }).issue?.rule).toBe('caa')
    expect(record({ type: 'CAA', value: '0 issue "a"b"' }).issue?.rule).toBe('caa')
    expect(record({ type: 'CAA', value: '0 issue "a\n$INCLUDE /etc/shadow"' }).issue?.rule).toBe(
      'caa',
    )
    expect(record({ type: 'CAA', value: '0 issue "é"' }).issue?.rule).toBe('caa')
  })

  it('checks a declared SOA: two names, a serial and four zone intervals (spec 1.2)', () => {
    expect(
      record({ type: 'SOA', value: 'NS1.Example.NET.  host\\.master.example.net. 7 2d 2h 4w 30m' }),
    ).toEqual({ value: 'ns1.example.net. host\\.master.example.net. 7 2d 2h 4w 30m' })
    for (const value of [
      'ns1.example.net. hostmaster.example.net. 1 1d 2h 4w',
      'ns1.example.net hostmaster.example.net. 1 1d 2h 4w 1h',
      'ns1.example.net. hostmaster.example.net. x 1d 2h 4w 1h',
      'ns1.example.net. hostmaster.example.net. 1 1d 2h 4y 1h',
      'ns1.example.net. $(reboot). 1 1d 2h 4w 1h',
      'ns1.example.net. host\\$master.example.net. 1 1d 2h 4w 1h',
    ]) {
      expect(record({ type: 'SOA', value }).issue?.rule, value).toBe('soa')
    }
  })

  it('checks a record TTL as a zone interval', () => {
    expect(record({ type: 'A', value: '10.0.0.1', ttl: '1H' }).issue).toMatchObject({
      field: 'ttl',
      rule: 'zone_interval',
    })
  })
})

describe('domainCreateSchema', () => {
  it('names a second SOA where it stands', () => {
    const soa = { type: 'SOA', value: 'ns1.example.net. hostmaster.example.net. 1 1d 2h 4w 1h' }
    const result = domainCreateSchema.safeParse({
      name: 'example.org',
      accountId: 1,
      records: [soa, { type: 'A', value: '192.0.2.1' }, soa],
    })
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['records', 2, 'type'], params: { rule: 'single_soa' } }),
    ])
  })

  it('names the record and the rule of a bad value', () => {
    const result = domainCreateSchema.safeParse({
      name: 'example.org',
      accountId: 1,
      records: [
        { type: 'A', value: '10.0.0.1' },
        { type: 'MX', value: '10 mx.example.net.' },
        { type: 'A', value: 'x' },
      ],
    })
    expect(toFieldIssues(result.error!)).toEqual([
      expect.objectContaining({ field: 'records.2.value', rule: 'ipv4' }),
    ])
  })

  it('takes several names, one per line, and refuses a repeated one', () => {
    const parsed = domainCreateSchema.parse({ name: 'a.org\n\nB.org\n', accountId: 1 })
    expect(parsed.names).toEqual(['a.org', 'b.org'])
    const repeated = domainCreateSchema.safeParse({ name: 'a.org\na.org', accountId: 1 })
    expect(toFieldIssues(repeated.error!)[0]).toMatchObject({ field: 'name', rule: 'duplicate' })
  })

  it('refuses an underscore host with only an A record, and accepts it with a TXT', () => {
    const host = { name: '_dmarc.example.org', accountId: 1 }
    const withA = domainCreateSchema.safeParse({
      ...host,
      records: [{ type: 'A', value: '10.0.0.1' }],
    })
    expect(toFieldIssues(withA.error!)[0]?.rule).toBe('underscore')
    const withTxt = domainCreateSchema.safeParse({
      ...host,
      records: [{ type: 'TXT', value: 'v=DMARC1;p=none' }],
    })
    expect(withTxt.success).toBe(true)
  })
})

describe('domain settings', () => {
  it('read a list from the comma-separated text the settings page sends', () => {
    const mx = SETTINGS.DOMAINS_DEFAULT_MX.schema
    expect(mx.parse('10 mx1.example.net., 20 mx2.example.net.')).toEqual([
      '10 mx1.example.net.',
      '20 mx2.example.net.',
    ])
    expect(mx.safeParse(['10 mx1.example.net']).success).toBe(false)
    expect(SETTINGS.DOMAINS_SLAVES.schema.safeParse('192.0.2.1, nope').success).toBe(false)
  })
})
