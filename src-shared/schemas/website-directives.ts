/**
 * Website directives (spec 6.3), each with its own rule. A value is parsed once, here: the
 * forms, the write checks and both web server renderers read the same parsed shape, so a
 * value the check accepts is one every renderer can write without further escaping rules.
 */

export const DIRECTIVE_NAMES = [
  'redirect',
  'proxy',
  'error-document',
  'ssl-ca',
  'ssl-cert',
  'ssl-key',
  'sec-rule-remove',
  'sec-engine',
  'wordpress-saas',
  'dokuwiki-saas',
  'drupal-saas',
  'moodle-saas',
] as const
export type DirectiveName = (typeof DIRECTIVE_NAMES)[number]

export type DirectiveGroup = 'HTTPD' | 'SSL' | 'ModSecurity' | 'SaaS'

/** The SaaS services whose shared installation a website can mount (spec 6.3). */
export const SAAS_MOUNT_SERVICES = ['wordpress', 'dokuwiki', 'drupal', 'moodle'] as const
export type SaasMountService = (typeof SAAS_MOUNT_SERVICES)[number]
export type SaasDirectiveName = `${SaasMountService}-saas`

export const saasDirectiveOf = (service: SaasMountService): SaasDirectiveName => `${service}-saas`

export type ParsedDirective =
  | { name: 'redirect'; path: string; url: string; isRegex: boolean }
  | { name: 'proxy'; path: string; url: string; timeout?: number; retry?: number }
  | { name: 'error-document'; code: number; target: string }
  | { name: 'ssl-ca' | 'ssl-cert' | 'ssl-key'; path: string }
  | { name: 'sec-rule-remove'; ids: number[] }
  | { name: 'sec-engine'; path: string }
  | { name: SaasDirectiveName; service: SaasMountService; path: string }

export interface DirectiveProblem {
  rule: string
  message: string
}

export interface DirectiveSpec {
  group: DirectiveGroup
  /** What the value looks like, for the form's help. */
  syntax: string
  /** Its value names a location of the site (spec 6.2): no other content or directive may. */
  location: boolean
  /** At most once per website. */
  uniqueName: boolean
  /** Not twice with the same value (by `uniqueKey`). */
  uniqueValue: boolean
}

/** The SSL files: once each. */
const once = { location: false, uniqueName: true, uniqueValue: false } as const

/** A shared installation mounted at a path of the site: that path is its location. */
const saasMount = {
  group: 'SaaS',
  syntax: '<path> where the shared installation answers',
  location: true,
  uniqueName: false,
  uniqueValue: true,
} as const

/** Every directive; WEBSITES_ENABLED_DIRECTIVES says which a website may be given. */
export const DIRECTIVES: Record<DirectiveName, DirectiveSpec> = {
  redirect: {
    group: 'HTTPD',
    syntax: '[<path>] <http(s) URL>; a path with ^ * $ ? ) is a regular expression',
    location: true,
    uniqueName: false,
    uniqueValue: true,
  },
  proxy: {
    group: 'HTTPD',
    syntax: '<path> <http(s) URL> [timeout=<seconds>] [retry=<seconds>]',
    location: true,
    uniqueName: false,
    uniqueValue: true,
  },
  'error-document': {
    group: 'HTTPD',
    syntax: '<status 400-509> <path or http(s) URL>',
    location: false,
    uniqueName: false,
    uniqueValue: true,
  },
  'ssl-ca': { group: 'SSL', syntax: '<absolute path>', ...once },
  'ssl-cert': { group: 'SSL', syntax: '<absolute path>', ...once },
  'ssl-key': { group: 'SSL', syntax: '<absolute path>', ...once },
  'sec-rule-remove': {
    group: 'ModSecurity',
    syntax: '<rule id> [<rule id>…]',
    location: false,
    uniqueName: false,
    uniqueValue: true,
  },
  'sec-engine': {
    group: 'ModSecurity',
    syntax: '<path> where ModSecurity is off',
    location: false,
    uniqueName: false,
    uniqueValue: true,
  },
  'wordpress-saas': saasMount,
  'dokuwiki-saas': saasMount,
  'drupal-saas': saasMount,
  'moodle-saas': saasMount,
}

// --- Shared rules ------------------------------------------------------------------------------

/**
 * A URL path the web servers read as data: `/` then letters, digits and `/._-~%+@=,:`; no
 * space, quote, `#`, `$`, backslash or control character, no `.` or `..` segment. Nothing in
 * it can end an argument of either server's configuration or name a variable there.
 */
const URL_PATH = /^\/[A-Za-z0-9/._~%+@=,:-]*$/

/** A regular-expression path: the same, plus the regex characters, still without quotes. */
const REGEX_PATH = /^\^?\/[A-Za-z0-9/._~%+@=,:^*$?()[\]|{}\\-]*$/

/** An absolute server path: letters, digits and `/._-+@=,:`; nothing a config would misread. */
const SERVER_FILE = /^(?:\/[A-Za-z0-9_@+=:,.~-]+)+$/

/**
 * An http(s) URL written as one argument: no space, quote, backslash, `<>`, `{}` or control
 * character, so it stays one quoted word in Apache and nginx alike. `$` is refused as nginx
 * would read a variable; a regex redirect may use `$1`…`$9` to take back what it matched.
 */
const URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#[\]@!&()*+,;=%]*)?$/
const URL_WITH_GROUPS =
  /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#](?:[A-Za-z0-9\-._~:/?#[\]@!&()*+,;=%]|\$\d)*)?$/

const REGEX_SIGNS = /[\^*$?)]/

const hasDotSegment = (path: string) =>
  path.split('/').some((segment) => segment === '.' || segment === '..')

const problem = (rule: string, message: string): DirectiveProblem => ({ rule, message })

/** What is wrong with a URL path, or undefined. */
export function checkUrlPath(path: string): DirectiveProblem | undefined {
  if (!path.startsWith('/')) return problem('url_path', 'must start with /')
  if (hasDotSegment(path)) return problem('dot_segment', 'may not hold a . or .. segment')
  if (!URL_PATH.test(path)) {
    return problem(
      'url_path',
      'may only hold letters, digits and /._-~%+@=,: (no space, quote, #, $ or control)',
    )
  }
  return undefined
}

/**
 * A path as the location rules compare it (spec 6.2, where the original left the root
 * empty): one `/` before, none after, no doubled slashes; the root is `/`.
 */
export function normalizeUrlPath(path: string): string {
  const joined = `/${path}`.replace(/\/{2,}/g, '/').replace(/\/+$/, '')
  return joined || '/'
}

function checkUrl(url: string, groups: boolean): DirectiveProblem | undefined {
  if (!/^https?:\/\//i.test(url)) return problem('url_scheme', 'must be an http:// or https:// URL')
  if ((groups ? URL_WITH_GROUPS : URL).test(url)) return undefined
  const dollar = groups ? 'a $ not before a digit' : '$'
  return problem(
    'url',
    `holds a character a URL cannot have here (space, quote, <>, {}, \\ or ${dollar})`,
  )
}

function checkRegexPath(path: string): DirectiveProblem | undefined {
  // `${` is an Apache variable, a final `\` would escape the closing quote, and nginx turns
  // `\\`, `\n`, `\r` and `\t` inside quotes into other characters.
  if (!REGEX_PATH.test(path) || /\$\{|\\$|\\[\\nrt]/.test(path)) {
    return problem(
      'url_regex',
      'must be a regular expression of a path, starting ^/ or /, without space, quote or #',
    )
  }
  try {
    new RegExp(path)
  } catch {
    return problem('url_regex', 'is not a valid regular expression')
  }
  return undefined
}

function checkServerFile(path: string): DirectiveProblem | undefined {
  if (!SERVER_FILE.test(path)) {
    return problem('server_path', 'must be an absolute path of letters, digits and /._-+@=,:~')
  }
  if (hasDotSegment(path)) return problem('dot_segment', 'may not hold a . or .. segment')
  return undefined
}

// --- Parsing -----------------------------------------------------------------------------------

export type DirectiveResult =
  { ok: true; value: string; parsed: ParsedDirective } | ({ ok: false } & DirectiveProblem)

const fail = (rule: string, message: string): DirectiveResult => ({ ok: false, rule, message })
const failWith = (found: DirectiveProblem): DirectiveResult => ({ ok: false, ...found })

function parseRedirect(words: string[]): DirectiveResult {
  // A single URL redirects the whole site (spec 14.51: `http://x` is stored as `/ http://x`).
  const [path, url] = words.length === 1 ? ['/', words[0]!] : words
  if (words.length > 2 || !path || !url) return fail('syntax', 'must be [<path>] <URL>')
  const isRegex = REGEX_SIGNS.test(path)
  const pathProblem = isRegex ? checkRegexPath(path) : checkUrlPath(path)
  if (pathProblem) return failWith(pathProblem)
  const urlProblem = checkUrl(url, isRegex)
  if (urlProblem) return failWith(urlProblem)
  const stored = isRegex ? path : normalizeUrlPath(path)
  return {
    ok: true,
    value: `${stored} ${url}`,
    parsed: { name: 'redirect', path: stored, url, isRegex },
  }
}

function parseProxy(words: string[]): DirectiveResult {
  const [path, url, ...options] = words
  if (!path || !url) return fail('syntax', 'must be <path> <URL> [timeout=N] [retry=N]')
  const pathProblem = checkUrlPath(path)
  if (pathProblem) return failWith(pathProblem)
  const urlProblem = checkUrl(url, false)
  if (urlProblem) return failWith(urlProblem)
  const parsed: ParsedDirective = { name: 'proxy', path: normalizeUrlPath(path), url }
  for (const option of options) {
    const timeout = /^timeout=(\d{1,3})$/.exec(option)
    const retry = /^retry=(\d)$/.exec(option)
    if (timeout && parsed.timeout === undefined) parsed.timeout = Number(timeout[1])
    else if (retry && parsed.retry === undefined) parsed.retry = Number(retry[1])
    else return fail('proxy_option', 'options are timeout=<1-3 digits> and retry=<1 digit>, once')
  }
  const rest = [parsed.timeout !== undefined && `timeout=${parsed.timeout}`]
  rest.push(parsed.retry !== undefined && `retry=${parsed.retry}`)
  const value = [parsed.path, url, ...rest.filter(Boolean)].join(' ')
  return { ok: true, value, parsed }
}

function parseErrorDocument(words: string[]): DirectiveResult {
  const [code, target] = words
  if (words.length !== 2 || !code || !target || !/^[45]0[0-9]$/.test(code)) {
    return fail('syntax', 'must be a status 400-409 or 500-509, then a path or URL')
  }
  const targetProblem = target.startsWith('/') ? checkUrlPath(target) : checkUrl(target, false)
  if (targetProblem) return failWith(targetProblem)
  const parsed = { name: 'error-document' as const, code: Number(code), target }
  return { ok: true, value: `${code} ${target}`, parsed }
}

function parseRuleIds(words: string[]): DirectiveResult {
  if (!words.length || words.some((word) => !/^\d{1,9}$/.test(word))) {
    return fail('rule_ids', 'must be one or more ModSecurity rule ids (digits)')
  }
  const ids = [...new Set(words.map(Number))]
  return { ok: true, value: ids.join(' '), parsed: { name: 'sec-rule-remove', ids } }
}

/**
 * Checks and normalises one directive value. Tabs and line breaks are refused outright (spec
 * 15.1: a newline in an ssl-cert value became a second Apache line in the original).
 */
export function parseDirective(name: DirectiveName, raw: string): DirectiveResult {
  if (/[\p{Cc}\u2028\u2029]/u.test(raw.replace(/^[\t ]+|[\t ]+$/g, ''))) {
    return fail('control_character', 'may not hold tabs, line breaks or control characters')
  }
  if (/["'`\\]/.test(raw) && name !== 'redirect') {
    return fail('quote', 'may not hold quotes or backslashes')
  }
  if (/["'`]/.test(raw)) return fail('quote', 'may not hold quotes')
  const words = raw.trim().split(/ +/).filter(Boolean)
  if (!words.length) return fail('required', 'needs a value')
  switch (name) {
    case 'redirect':
      return parseRedirect(words)
    case 'proxy':
      return parseProxy(words)
    case 'error-document':
      return parseErrorDocument(words)
    case 'ssl-ca':
    case 'ssl-cert':
    case 'ssl-key': {
      if (words.length !== 1) return fail('syntax', 'must be one absolute path')
      const found = checkServerFile(words[0]!)
      if (found) return failWith(found)
      return { ok: true, value: words[0]!, parsed: { name, path: words[0]! } }
    }
    case 'sec-rule-remove':
      return parseRuleIds(words)
    case 'sec-engine': {
      const found = words.length === 1 ? checkUrlPath(words[0]!) : problem('syntax', 'one path')
      if (found) return failWith(found)
      const path = normalizeUrlPath(words[0]!)
      return { ok: true, value: path, parsed: { name, path } }
    }
    default:
      return parseSaasMount(name, words)
  }
}

function parseSaasMount(name: SaasDirectiveName, words: string[]): DirectiveResult {
  const found = words.length === 1 ? checkUrlPath(words[0]!) : problem('syntax', 'one path')
  if (found) return failWith(found)
  const path = normalizeUrlPath(words[0]!)
  const service = name.slice(0, -'-saas'.length) as SaasMountService
  return { ok: true, value: path, parsed: { name, service, path } }
}

/** The location a directive takes (spec 6.2), normalised; undefined for the others. */
export function directiveLocation(parsed: ParsedDirective): string | undefined {
  if (parsed.name === 'redirect' || parsed.name === 'proxy') return parsed.path
  if ('service' in parsed) return parsed.path
  return undefined
}

/** What "the same value" means for a unique-value directive: the status of an error page. */
export function uniqueKey(parsed: ParsedDirective, value: string): string {
  if (parsed.name === 'error-document') return String(parsed.code)
  return value
}
