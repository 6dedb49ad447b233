import {
  compareVersions,
  WEBAPP_OPTIONS,
  type PhpIniValue,
  type WebappOption,
  type WebappOptionSpec,
} from '../../src-shared/schemas/webapps'
import { versionNumber } from '../../src-shared/schemas/webapp-settings'

/** How a PHP version key runs: `8.2-fpm` is a PHP-FPM pool of PHP 8.2. */
export interface PhpRuntime {
  key: string
  number: string
  /** `82` for `8.2`: the php_version_int placeholder. */
  int: string
  model: 'fpm' | 'cgi'
}

export function phpRuntime(key: string): PhpRuntime {
  const number = versionNumber(key)
  return { key, number, int: number.replace('.', ''), model: key.endsWith('-cgi') ? 'cgi' : 'fpm' }
}

/**
 * The one place the request time limit is decided (spec 5.3 step 3, 15.3). The process
 * manager kills a request at the limit (FPM request_terminate_timeout, mod_fcgid IOTimeout and
 * BusyTimeout); PHP's own max_execution_time stops it two seconds earlier, so the app reports
 * a PHP error instead of a killed worker. The original took the fallback from the Python
 * setting and raised small limits to it, leaving PHP and the manager out of step.
 */
export interface PhpTimeouts {
  limit: number
  maxExecutionTime: number
  requestTerminateTimeout: number
  ioTimeout: number
  busyTimeout: number
}

export function phpTimeouts(option: string | undefined, fallback: number): PhpTimeouts {
  const limit = option ? Number(option) : fallback
  return {
    limit,
    maxExecutionTime: Math.max(limit - 2, 1),
    requestTerminateTimeout: limit,
    ioTimeout: limit,
    busyTimeout: limit,
  }
}

export interface PhpIniContext {
  /** The app's PHP version number, e.g. `8.2`. */
  phpVersion: string
  model: 'fpm' | 'cgi'
  /** WEBAPPS_PHP_DISABLED_FUNCTIONS. */
  disabledFunctions: readonly string[]
  /** WEBAPPS_PHP_DEFAULT_TIMEOUT. */
  defaultTimeout: number
  /** WEBAPPS_PHP_ERROR_LOG_PATH, filled in; empty when unset. */
  errorLog: string
}

const specOf = (name: string) => (WEBAPP_OPTIONS as Record<string, WebappOptionSpec>)[name]
const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** `64M` as bytes-free megabytes, for comparing sizes without evaluating text (spec 15.3). */
const megabytes = (size: string) => Number(size.replace(/M$/, ''))

/**
 * The ini values an app's PHP runs with (spec 5.3 steps 1 to 5), a pure function of its
 * options and the settings, so the detail page and the pool or wrapper show the same values.
 */
export function phpIniValues(options: readonly WebappOption[], ctx: PhpIniContext): PhpIniValue[] {
  const byName = new Map(options.map((option) => [option.name, option.value]))
  const values = new Map<string, string>()

  // 1. PHP options that still exist in this version; functions and the timeout apart.
  for (const option of options) {
    const spec = specOf(option.name)
    if (!spec || spec.group !== 'PHP') continue
    if (option.name === 'enable_functions' || option.name === 'disable_functions') continue
    if (spec.deprecatedSince && compareVersions(ctx.phpVersion, spec.deprecatedSince) >= 0) continue
    values.set(option.name, option.value)
  }

  // 2. The default list less what the app enables, plus what it disables itself.
  const enabled = listOf(byName.get('enable_functions'))
  const disabled = listOf(byName.get('disable_functions'))
  const hasFunctionOptions = byName.has('enable_functions') || byName.has('disable_functions')
  if (ctx.disabledFunctions.length && (hasFunctionOptions || ctx.model === 'fpm')) {
    const kept = ctx.disabledFunctions.filter((name) => !enabled.includes(name))
    values.set('disable_functions', [...new Set([...disabled, ...kept])].join(','))
  } else if (disabled.length) {
    values.set('disable_functions', [...new Set(disabled)].join(','))
  }

  // 3. The time limit, in step with the process manager's.
  const timeouts = phpTimeouts(byName.get('timeout'), ctx.defaultTimeout)
  values.set('max_execution_time', String(timeouts.maxExecutionTime))

  // 4. The error log of the setting, unless the app names one.
  if (ctx.errorLog && !byName.has('error_log')) values.set('error_log', ctx.errorLog)

  // 5. A POST must be able to carry the largest upload.
  const upload = values.get('upload_max_filesize')
  const post = values.get('post_max_size')
  if (upload && (!post || megabytes(post) < megabytes(upload))) values.set('post_max_size', upload)

  return [...values].map(([name, value]) => ({ name, value }))
}

/**
 * The options of several apps sharing one pool (WEBAPPS_MERGE_PHP_WEBAPPS): comma lists are
 * joined, other values keep the greatest one by text (spec 5.3), so the order of the apps
 * does not matter.
 */
export function mergeOptions(lists: readonly (readonly WebappOption[])[]): WebappOption[] {
  const merged = new Map<string, string>()
  for (const option of lists.flat()) {
    const known = merged.get(option.name)
    if (known === undefined) merged.set(option.name, option.value)
    else if (specOf(option.name)?.list) {
      merged.set(option.name, [...new Set([...listOf(known), ...listOf(option.value)])].join(','))
    } else if (option.value > known) merged.set(option.name, option.value)
  }
  return [...merged]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value }))
}
