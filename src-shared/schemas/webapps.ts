import { z } from 'zod'
import { idSchema, listQueryShape, singleLineText, versionSchema } from './common'
import { hasDotSegment, SERVER_PATH } from './system-user-settings'
import { WEBAPP_TYPE_KEYS, type WebappType } from './webapp-settings'

export { WEBAPP_TYPE_KEYS, type WebappType }

/**
 * Web apps (spec 5). Names are tightened (spec 15.1): they become file names, pool sections
 * and socket names on the server, so one starts with a letter or digit and holds nothing a
 * shell or a config file could read as syntax.
 */
export const WEBAPP_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/

export const OPTION_GROUPS = ['FileSystem', 'Process', 'PHP'] as const
export type OptionGroup = (typeof OPTION_GROUPS)[number]

export type WebappRuntimeKind = 'none' | 'php' | 'python'

export interface WebappTypeSpec {
  label: string
  groups: readonly OptionGroup[]
  /** Which version list `runtime` is chosen from. */
  runtime: WebappRuntimeKind
  /** For a CMS: the database name prefix and the folders where uploads land. */
  cms?: { prefix: string; uploadDirs: readonly string[] }
}

const ALL_GROUPS = OPTION_GROUPS

export const WEBAPP_TYPES: Record<WebappType, WebappTypeSpec> = {
  static: { label: 'Static', groups: ['FileSystem'], runtime: 'none' },
  php: { label: 'PHP', groups: ALL_GROUPS, runtime: 'php' },
  'symbolic-link': { label: 'Symbolic link', groups: ALL_GROUPS, runtime: 'php' },
  'wordpress-php': {
    label: 'WordPress',
    groups: ALL_GROUPS,
    runtime: 'php',
    cms: { prefix: 'wp_', uploadDirs: ['wp-content/uploads'] },
  },
  'moodle-php': {
    label: 'Moodle',
    groups: ALL_GROUPS,
    runtime: 'php',
    // Moodle keeps its data under moodledata, which is denied to the web entirely.
    cms: { prefix: 'modl_', uploadDirs: ['moodledata'] },
  },
  webalizer: { label: 'Webalizer', groups: [], runtime: 'none' },
  python: { label: 'Python', groups: ['FileSystem', 'Process'], runtime: 'python' },
}

export interface WebappOptionSpec {
  group: OptionGroup
  /** The whole value must match (every rule is anchored at both ends). */
  rule: RegExp
  /** What the rule asks, for the error message. */
  expects: string
  /** A path option: no `..` segment, quote, space or `#`. */
  path?: boolean
  /** A comma list (merged by concatenation). */
  list?: boolean
  /** The last PHP version the option exists in: later versions refuse it. */
  deprecatedSince?: string
}

const onOff = { rule: /^(?:On|Off|on|off)$/, expects: 'On or Off' }
const digits = (n: number) => ({ rule: new RegExp(`^\\d{1,${n}}$`), expects: `1 to ${n} digits` })
const php = (spec: Omit<WebappOptionSpec, 'group'>): WebappOptionSpec => ({ group: 'PHP', ...spec })
const functions = php({
  rule: /^[\w.,-]+$/,
  expects: 'a comma-separated list of function names',
  list: true,
})
const filePath = php({ rule: /^[\w,./-]+$/, expects: 'letters, digits and , - . /', path: true })
const noSpaces = php({ rule: /^\S+$/, expects: 'a value without spaces', path: true })
const oneLine = php({ rule: /^[^\r\n]+$/, expects: 'a value on one line' })

/**
 * Spec 5.3. Options removed from PHP carry the last version they existed in: the spec's three
 * of 5.3, and those it lists without a version although PHP 5.4 (register_globals,
 * magic_quotes_sybase, session.bug_compat_warn) and 7.0 (the mysql extension) removed them.
 */
export const WEBAPP_OPTIONS = {
  'public-root': {
    group: 'FileSystem',
    rule: /^[A-Za-z0-9_@%+=:,.~/-]+$/,
    expects: 'a relative folder of letters, digits and ._-/',
    path: true,
  },
  // Tightened to exclude 0: FPM refuses no processes, and a 0 timeout would mean none.
  timeout: { group: 'Process', rule: /^[1-9]\d{0,2}$/, expects: '1 to 999 (seconds)' },
  processes: { group: 'Process', rule: /^[1-9]\d?$/, expects: '1 to 99' },
  enable_functions: functions,
  disable_functions: functions,
  allow_url_include: php(onOff),
  allow_url_fopen: php(onOff),
  display_errors: php(onOff),
  output_buffering: php(onOff),
  register_globals: php({ ...onOff, deprecatedSince: '5.3' }),
  'session.bug_compat_warn': php({ ...onOff, deprecatedSince: '5.3' }),
  'session.auto_start': php(onOff),
  magic_quotes_sybase: php({ ...onOff, deprecatedSince: '5.3' }),
  'suhosin.session.encrypt': php(onOff),
  'suhosin.simulation': php(onOff),
  magic_quotes_gpc: php({ ...onOff, deprecatedSince: '5.3' }),
  magic_quotes_runtime: php({ ...onOff, deprecatedSince: '5.3' }),
  safe_mode: php({ ...onOff, deprecatedSince: '5.3' }),
  auto_append_file: filePath,
  auto_prepend_file: filePath,
  'date.timezone': php({ rule: /^\w+\/\w+$/, expects: 'Region/City' }),
  default_socket_timeout: php(digits(3)),
  max_input_time: php(digits(3)),
  'mysql.connect_timeout': php({ ...digits(3), deprecatedSince: '5.6' }),
  max_input_vars: php(digits(4)),
  'suhosin.post.max_vars': php(digits(4)),
  'suhosin.get.max_vars': php(digits(4)),
  'suhosin.request.max_vars': php(digits(4)),
  memory_limit: php({ rule: /^\d{1,3}M$/, expects: '1 to 3 digits and M' }),
  post_max_size: php({ rule: /^\d{1,3}M$/, expects: '1 to 3 digits and M' }),
  upload_max_filesize: php({ rule: /^\d{1,3}M$/, expects: '1 to 3 digits and M' }),
  extension: noSpaces,
  zend_extension: noSpaces,
  include_path: noSpaces,
  sendmail_path: php({ rule: /^[^\r\n]+$/, expects: 'a command on one line' }),
  'suhosin.executor.include.whitelist': oneLine,
  upload_tmp_dir: { ...oneLine, path: true },
} as const satisfies Record<string, WebappOptionSpec>

export type WebappOptionName = keyof typeof WEBAPP_OPTIONS
export const WEBAPP_OPTION_NAMES = Object.keys(WEBAPP_OPTIONS) as WebappOptionName[]

/** Characters no option value may hold: they end a line, a quoted value or start a comment. */
const NEVER_IN_OPTION = /[\p{Cc}"'\\$`;]/u

/** Compares version numbers like `5.3` and `8.2` numerically, part by part. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number)
  const right = b.split('.').map(Number)
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

export interface OptionProblem {
  rule: string
  message: string
}

/**
 * What is wrong with one option value of an app on a PHP version (empty when it runs no PHP).
 * The value arrives trimmed.
 */
export function checkOption(
  name: string,
  value: string,
  phpVersion: string,
): OptionProblem | undefined {
  const spec = (WEBAPP_OPTIONS as Record<string, WebappOptionSpec>)[name]
  if (!spec) return { rule: 'option', message: `${name} is not a web app option` }
  if (!value) return { rule: 'required', message: `${name} needs a value` }
  if (value.length > 256) return { rule: 'max_length', message: `${name} is over 256 characters` }
  if (NEVER_IN_OPTION.test(value) || (spec.path && /[\s#]/.test(value))) {
    const extra = spec.path ? ', # or spaces' : ''
    return {
      rule: 'characters',
      message: `${name} may not hold quotes, \\, $, ;, line breaks${extra}`,
    }
  }
  if (spec.path && (value.includes('..') || hasDotSegment(value))) {
    return { rule: 'dot_segment', message: `${name} may not hold .. or a . segment` }
  }
  const checked = spec.list ? value.replace(/\s+/g, '') : value
  if (!spec.rule.test(checked))
    return { rule: 'pattern', message: `${name} must be ${spec.expects}` }
  if (spec.deprecatedSince && phpVersion && compareVersions(phpVersion, spec.deprecatedSince) > 0) {
    return {
      rule: 'deprecated',
      message: `${name} no longer exists after PHP ${spec.deprecatedSince}`,
    }
  }
  return undefined
}

/** Whether an option of this name may be set on an app of this type. */
export function optionAllowed(type: WebappType, name: string): boolean {
  const spec = (WEBAPP_OPTIONS as Record<string, WebappOptionSpec>)[name]
  return !!spec && WEBAPP_TYPES[type].groups.includes(spec.group)
}

// --- Requests --------------------------------------------------------------------------------

const optionInput = z.strictObject({
  name: z.string().max(64),
  value: singleLineText(256),
})

/** A target path inside the account's home: checked there again against the real home. */
const linkTarget = singleLineText(200)
  .refine((path) => path === '' || SERVER_PATH.test(path), {
    message: 'must be an absolute path of letters, digits and ._-~@%+=:,',
    params: { rule: 'path' },
  })
  .refine((path) => !hasDotSegment(path), {
    message: 'may not hold a . or .. segment',
    params: { rule: 'dot_segment' },
  })

export const webappCreateSchema = z.strictObject({
  accountId: idSchema,
  name: z.string().trim().max(128).regex(WEBAPP_NAME, {
    message: 'must start with a-z or 0-9 and hold only a-z, 0-9, ., _ and -',
  }),
  type: z.enum(WEBAPP_TYPE_KEYS),
  /** The PHP or Python version key; the default of the setting when left out. */
  runtime: z.string().max(32).optional(),
  linkTarget: linkTarget.default(''),
  options: z.array(optionInput).max(60).default([]),
})

/** Name, type and link target are fixed once created (spec 0.1). */
export const webappUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  runtime: z.string().max(32).optional(),
  /** The whole option list: options left out are removed. */
  options: z.array(optionInput).max(60).optional(),
})

export const webappListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
  type: z.enum(WEBAPP_TYPE_KEYS).optional(),
})

export type WebappCreate = z.input<typeof webappCreateSchema>
export type WebappUpdate = z.input<typeof webappUpdateSchema>
export type WebappListQuery = z.input<typeof webappListSchema>

// --- Responses -------------------------------------------------------------------------------

export interface WebappOption {
  name: string
  value: string
}

export interface Webapp {
  id: number
  name: string
  type: WebappType
  accountId: number
  runtime: string
  linkTarget: string
  databaseId: number | null
  sqlUserId: number | null
  version: number
  createdAt: string
  updatedAt: string
  options: WebappOption[]
}

export interface WebappRow extends Webapp {
  accountUsername: string
  accountIsActive: boolean
}

/** The PHP ini values an app runs with, in the order they are written. */
export interface PhpIniValue {
  name: string
  value: string
}

export interface WebappDetail {
  webapp: Webapp
  account: { id: number; username: string; isActive: boolean }
  /** The folder and what is served, on the web server. */
  appDir: string
  documentRoot: string
  /** The pool, wrapper or vassal the app runs through; empty for static types. */
  runtimeFiles: string[]
  phpIni: PhpIniValue[]
  /** The CMS database and its user, by name. */
  database: { id: number; name: string } | null
  sqlUser: { id: number; username: string } | null
  /** The websites it is mounted on, with the path. */
  mounts: { websiteId: number; websiteName: string; path: string }[]
}

/** What the create form offers: the enabled types and versions. */
export interface WebappChoices {
  types: WebappType[]
  phpVersions: string[]
  defaultPhpVersion: string
  pythonVersions: string[]
  defaultPythonVersion: string
  options: WebappOptionName[]
}
