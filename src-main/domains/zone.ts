import type { DomainRecord } from '../../src-shared/schemas/domains'
import { textRecordData } from '../../src-shared/schemas/domain-records'
import { zoneCharacterStrings, zoneMailbox } from '../core/escape'

/** The DOMAINS_… settings a zone is written with (spec 1.4 and 1.6). */
export interface ZoneDefaults {
  nameServer: string
  hostmaster: string
  ttl: string
  refresh: string
  retry: string
  expire: string
  minTtl: string
  a: string
  aaaa: string
  mx: readonly string[]
  ns: readonly string[]
}

/** One domain of a zone: the origin or one of its subdomains, records in storage order. */
export interface ZoneDomain {
  name: string
  serial: number
  refresh: string
  retry: string
  expire: string
  minTtl: string
  records: readonly DomainRecord[]
}

/** A line of the zone and the record it came from, so a checker's complaint finds its field. */
export interface ZoneLine {
  text: string
  domain: string
  /** The declared record's index in its domain's records; absent for SOA and defaults. */
  record?: number
}

const OWNER_WIDTH = 38
const TTL_WIDTH = 7
const TYPE_WIDTH = 8

function line(owner: string, ttl: string, type: string, value: string): string {
  const name = `${owner}.`.padEnd(OWNER_WIDTH)
  return `${name} ${ttl.padStart(TTL_WIDTH)} IN ${type.padEnd(TYPE_WIDTH)} ${value}`
}

/** What the zone file says for a stored value: TXT data is quoted, escaped and split here. */
function zoneValue(record: DomainRecord): string {
  if (record.type === 'TXT' || record.type === 'SPF') {
    return zoneCharacterStrings(textRecordData(record.value))
  }
  return record.value
}

/** A declared SOA keeps its values but the serial, which is always the zone's (spec 1.5). */
function declaredSoaValue(declared: DomainRecord, serial: number): string {
  const tokens = declared.value.split(' ')
  tokens[2] = String(serial)
  return tokens.join(' ')
}

function soaValue(origin: ZoneDomain, defaults: ZoneDefaults): string {
  return [
    `${defaults.nameServer}.`,
    zoneMailbox(defaults.hostmaster),
    origin.serial,
    origin.refresh || defaults.refresh,
    origin.retry || defaults.retry,
    origin.expire || defaults.expire,
    origin.minTtl || defaults.minTtl,
  ].join(' ')
}

/**
 * The implicit records of a domain (spec 1.4): NS on a top domain, MX, A and AAAA on a host (a
 * top domain, a domain without records, or one with an address), each only when no record of
 * its type is declared, and A/AAAA only when neither is. A name with an underscore label
 * (`_dmarc`, `_sip._tcp`) names a service, never a host: BIND's check-names refuses an address
 * or a mail exchanger there, so it gets no MX, A or AAAA even as a top domain.
 */
export function defaultRecords(
  domain: ZoneDomain,
  isTop: boolean,
  defaults: ZoneDefaults,
): DomainRecord[] {
  const declared = new Set(domain.records.map((record) => record.type))
  const hasAddress = declared.has('A') || declared.has('AAAA')
  const isService = domain.name.includes('_')
  const isHost = !isService && (isTop || domain.records.length === 0 || hasAddress)
  const implicit = (type: DomainRecord['type'], values: readonly string[]) =>
    values.filter(Boolean).map((value) => ({ type, value, ttl: '' }))
  return [
    ...(isTop && !declared.has('NS') ? implicit('NS', defaults.ns) : []),
    ...(isHost && !declared.has('MX') ? implicit('MX', defaults.mx) : []),
    ...(isHost && !hasAddress ? implicit('A', [defaults.a]) : []),
    ...(isHost && !hasAddress ? implicit('AAAA', [defaults.aaaa]) : []),
  ]
}

function domainLines(domain: ZoneDomain, isTop: boolean, defaults: ZoneDefaults): ZoneLine[] {
  const lines: ZoneLine[] = []
  const add = (record: DomainRecord, index?: number) =>
    lines.push({
      text: line(domain.name, record.ttl || defaults.ttl, record.type, zoneValue(record)),
      domain: domain.name,
      ...(index !== undefined && { record: index }),
    })
  // The origin's own SOA is written first, by renderZoneLines.
  domain.records.forEach((record, index) => {
    if (!(isTop && record.type === 'SOA')) add(record, index)
  })
  defaultRecords(domain, isTop, defaults).forEach((record) => add(record))
  return lines
}

/**
 * The zone of an origin with its subdomains (spec 1.5), as lines: SOA, the origin's records
 * and defaults, then each plain subdomain in storage order, then wildcards, longest first, so
 * specific names come before the broader ones. A pure function: the serial is the stored one.
 */
export function renderZoneLines(
  origin: ZoneDomain,
  subdomains: readonly ZoneDomain[],
  defaults: ZoneDefaults,
): ZoneLine[] {
  const index = origin.records.findIndex((record) => record.type === 'SOA')
  const declared = origin.records[index]
  const soa: ZoneLine = declared
    ? {
        text: line(
          origin.name,
          declared.ttl || defaults.ttl,
          'SOA',
          declaredSoaValue(declared, origin.serial),
        ),
        domain: origin.name,
        record: index,
      }
    : {
        text: line(origin.name, defaults.ttl, 'SOA', soaValue(origin, defaults)),
        domain: origin.name,
      }
  const plain = subdomains.filter((domain) => !domain.name.startsWith('*'))
  const wildcards = subdomains
    .filter((domain) => domain.name.startsWith('*'))
    .sort((a, b) => b.name.length - a.name.length)
  return [
    soa,
    ...domainLines(origin, true, defaults),
    ...[...plain, ...wildcards].flatMap((domain) => domainLines(domain, false, defaults)),
  ]
}

/** The zone file's text: its lines, trailing whitespace trimmed, one final newline. */
export function renderZone(
  origin: ZoneDomain,
  subdomains: readonly ZoneDomain[],
  defaults: ZoneDefaults,
): string {
  const lines = renderZoneLines(origin, subdomains, defaults).map((l) => l.text.trimEnd())
  return `${lines.join('\n')}\n`
}
