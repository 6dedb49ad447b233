import { z } from 'zod'
import { codePoint } from './common'
import { checkTargetName, type NameProblem } from './domain-names'

/** SOA comes last: a top domain may declare its own, in place of the one of the settings. */
export const RECORD_TYPES = [
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'NS',
  'SRV',
  'TXT',
  'SPF',
  'CAA',
  'SOA',
] as const
export type RecordType = (typeof RECORD_TYPES)[number]

/** A zone interval (spec 1.2): digits, or digits and one unit among s m h d w. */
export const ZONE_INTERVAL = /^\d{1,9}[smhdw]?$/

/** How long TXT and SPF data may be: room for a 4096-bit DKIM key. */
export const MAX_TEXT_RECORD = 4000

const IPV4 = z.ipv4()
const IPV6 = z.ipv6()
const CAA_TAGS = ['issue', 'issuewild', 'iodef', 'issuemail', 'issuevmc']

type Checked = { value: string } | NameProblem

const isUint16 = (token: string) => /^\d{1,5}$/.test(token) && Number(token) <= 65535

/** Stored TXT data: one quoted string, `"` and `\\` escaped, so it reads back as typed. */
const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`

/**
 * The text a stored TXT or SPF value carries, as DNS joins its strings: what the zone renderer
 * splits and escapes again for the zone file.
 */
export function textRecordData(stored: string): string {
  const checked = checkText(stored)
  return 'value' in checked ? checked.text : stored
}

/**
 * TXT data: typed as one bare word, or as one or more quoted strings, joined as DNS joins them.
 * A value with a space must be quoted (spec 1.2), so what the user meant is never guessed.
 */
function checkText(raw: string): { value: string; text: string } | NameProblem {
  const bad = /[^\x20-\x7e]/.exec(raw)?.[0]
  if (bad !== undefined) {
    return { rule: 'ascii', message: `may hold only printable ASCII, not ${codePoint(bad)}` }
  }
  if (!raw.startsWith('"')) {
    if (/\s/.test(raw)) return { rule: 'quoted', message: 'has a space, so it must be quoted' }
    if (/["\\]/.test(raw)) return { rule: 'quoted', message: 'must be quoted to hold " or \\' }
    return { value: quoted(raw), text: raw }
  }
  let text = ''
  const strings = /\s*"((?:[^"\\]|\\["\\])*)"/y
  let at = 0
  while (at < raw.length) {
    strings.lastIndex = at
    const match = strings.exec(raw)
    if (!match) return { rule: 'quoted', message: 'has a quote that is not escaped as \\"' }
    text += match[1]!.replace(/\\(["\\])/g, '$1')
    at = strings.lastIndex
  }
  return { value: quoted(text), text }
}

function checkCaa(value: string): Checked {
  // Printable ASCII only: a line break inside the quotes would start a record of its own.
  const match = /^(\d{1,3})[ \t]+([a-z0-9]+)[ \t]+(?:"([ !#-[\]-~]*)"|([!#-[\]-~]+))$/.exec(value)
  if (!match || Number(match[1]) > 255) {
    return {
      rule: 'caa',
      message: 'must be flags (0-255), a tag and a value: 0 issue "ca.example"',
    }
  }
  if (!CAA_TAGS.includes(match[2]!)) {
    return { rule: 'caa', message: `has an unknown tag; use ${CAA_TAGS.join(', ')}` }
  }
  return { value: `${Number(match[1])} ${match[2]} "${match[3] ?? match[4]}"` }
}

export const SOA_EXAMPLE = 'ns1.example.net. hostmaster.example.net. 1 1d 2h 4w 1h'

/**
 * A declared SOA (spec 1.2): primary name server, responsible mailbox, serial, then refresh,
 * retry, expire and minimum as zone intervals. The serial is kept only as typed: the zone is
 * always written with the panel's own (spec 1.5).
 */
function checkSoa(tokens: string[]): Checked {
  const usage = 'must be a name server, a mailbox, a serial and four timers: ' + SOA_EXAMPLE
  if (tokens.length !== 7 || !/^\d{1,10}$/.test(tokens[2]!)) return { rule: 'soa', message: usage }
  const names = tokens.slice(0, 2).map((name) => checkTargetName(name.replace(/\\\./g, '-')))
  const problem = names.find((name) => name !== undefined)
  if (problem) return { rule: 'soa', message: `has a name that ${problem.message}` }
  if (!tokens.slice(3).every((timer) => ZONE_INTERVAL.test(timer))) {
    return { rule: 'soa', message: `has a timer that is not a zone interval; ${usage}` }
  }
  return { value: tokens.join(' ') }
}

/** The value of a record of `type`, normalised, or what is wrong with it (spec 1.2, tightened). */
export function checkRecordValue(type: RecordType, raw: string): Checked {
  const value = type === 'TXT' || type === 'SPF' ? raw.trim() : raw.trim().toLowerCase()
  if (!value) return { rule: 'required', message: 'is required' }
  if (type !== 'TXT' && type !== 'SPF' && value.length > 256) {
    return { rule: 'too_big', message: 'is longer than 256 characters' }
  }
  const tokens = value.split(/\s+/)
  switch (type) {
    case 'A':
      return IPV4.safeParse(value).success
        ? { value }
        : { rule: 'ipv4', message: 'is not an IPv4 address' }
    case 'AAAA':
      return IPV6.safeParse(value).success
        ? { value }
        : { rule: 'ipv6', message: 'is not an IPv6 address' }
    case 'NS':
    case 'CNAME':
      return checkTargetName(value) ?? { value }
    case 'MX':
      if (tokens.length !== 2 || !isUint16(tokens[0]!)) {
        return { rule: 'mx', message: 'must be a priority and a host: 10 mail.example.net.' }
      }
      return checkTargetName(tokens[1]!) ?? { value: `${Number(tokens[0])} ${tokens[1]}` }
    case 'SRV':
      if (tokens.length !== 4 || !tokens.slice(0, 3).every(isUint16)) {
        return {
          rule: 'srv',
          message: 'must be priority, weight, port and a host: 0 5 5060 sip.example.net.',
        }
      }
      if (tokens[3] === '.') return { value: tokens.join(' ') }
      return checkTargetName(tokens[3]!) ?? { value: tokens.join(' ') }
    case 'TXT':
    case 'SPF': {
      const checked = checkText(value)
      if ('text' in checked && checked.text.length > MAX_TEXT_RECORD) {
        return { rule: 'too_big', message: `is longer than ${MAX_TEXT_RECORD} characters` }
      }
      return checked
    }
    case 'CAA':
      return checkCaa(value)
    case 'SOA':
      return checkSoa(tokens)
  }
}
