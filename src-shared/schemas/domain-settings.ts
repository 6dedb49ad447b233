import { z } from 'zod'
import { singleLineText } from './common'
import { checkDomainName } from './domain-names'
import { checkRecordValue } from './domain-records'
import { domainNameSchema, zoneIntervalSchema } from './domains'
import { listSetting as listOf } from './setting-lists'

/** A record value of one type, checked as a record of that type would be. */
function recordValue(type: 'A' | 'AAAA' | 'MX' | 'NS', optional = false) {
  return z.string().superRefine((value, ctx) => {
    if (optional && value === '') return
    const checked = checkRecordValue(type, value)
    if ('rule' in checked) ctx.addIssue({ code: 'custom', message: checked.message })
  })
}

const interval = (help: string, value: string) => ({
  group: 'DOMAINS',
  help,
  schema: zoneIntervalSchema.refine((v) => v !== '', { message: 'is required' }),
  default: value,
})

/**
 * Spec 1.6, for a provider whose base domain is orchestra.lan. DOMAINS_FORBIDDEN holds the
 * names themselves rather than the path of a file on the panel host: a desktop panel has no
 * shared file system, and the list travels with the database.
 */
export const DOMAIN_SETTINGS = {
  DOMAINS_DEFAULT_NAME_SERVER: {
    group: 'DOMAINS',
    help: 'The primary name server in every SOA record (a dot is appended).',
    schema: singleLineText(253)
      .toLowerCase()
      .refine((name) => !checkDomainName(name), { message: 'is not a domain' }),
    default: 'ns.orchestra.lan',
  },
  DOMAINS_DEFAULT_HOSTMASTER: {
    group: 'DOMAINS',
    help: 'The mailbox responsible for every zone, written into its SOA record.',
    schema: singleLineText(254).pipe(z.email()),
    default: 'hostmaster@orchestra.lan',
  },
  DOMAINS_DEFAULT_TTL: interval('The TTL of a record that does not set one.', '1h'),
  DOMAINS_DEFAULT_REFRESH: interval('SOA refresh of a zone that does not set one.', '1d'),
  DOMAINS_DEFAULT_RETRY: interval('SOA retry of a zone that does not set one.', '2h'),
  DOMAINS_DEFAULT_EXPIRE: interval('SOA expire of a zone that does not set one.', '4w'),
  DOMAINS_DEFAULT_MIN_TTL: interval('SOA minimum TTL of a zone that does not set one.', '1h'),
  DOMAINS_DEFAULT_A: {
    group: 'DOMAINS',
    help: 'The address of a host without an A or AAAA record; empty adds none.',
    schema: recordValue('A', true),
    default: '10.0.3.13',
  },
  DOMAINS_DEFAULT_AAAA: {
    group: 'DOMAINS',
    help: 'The IPv6 address of a host without an A or AAAA record; empty adds none.',
    schema: recordValue('AAAA', true),
    default: '',
  },
  DOMAINS_DEFAULT_MX: {
    group: 'DOMAINS',
    help: 'The mail exchangers of a host without MX records.',
    schema: listOf(recordValue('MX')),
    default: ['10 mail.orchestra.lan.', '10 mail2.orchestra.lan.'],
  },
  DOMAINS_DEFAULT_NS: {
    group: 'DOMAINS',
    help: 'The name servers of a top domain without NS records.',
    schema: listOf(recordValue('NS')),
    default: ['ns1.orchestra.lan.', 'ns2.orchestra.lan.'],
  },
  DOMAINS_FORBIDDEN: {
    group: 'DOMAINS',
    help:
      'Names nobody may add, nor any name under them (one per line or comma-separated), ' +
      'e.g. well-known sites.',
    schema: listOf(domainNameSchema, 10_000),
    default: [],
  },
  DOMAINS_SLAVES: {
    group: 'DOMAINS',
    help:
      'Addresses of slave name servers besides those routed for bind9-slave: allowed to ' +
      'transfer and notified of changes.',
    schema: listOf(z.union([z.ipv4(), z.ipv6()])),
    default: [],
  },
  DOMAINS_MASTERS: {
    group: 'DOMAINS',
    help:
      'Addresses of the master name servers the slaves transfer zones from; empty means the ' +
      'servers routed for bind9-master.',
    schema: listOf(z.union([z.ipv4(), z.ipv6()])),
    default: [],
  },
} as const
