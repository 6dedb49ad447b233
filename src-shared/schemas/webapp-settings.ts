import { z } from 'zod'
import { singleLineText } from './common'
import { listSetting as listOf } from './setting-lists'
import { SERVER_PATH, hasDotSegment } from './system-user-settings'

/**
 * Spec 5.4, for Debian 12: PHP 8.2 from the distribution (FPM and CGI), Python 3 through
 * Debian's uWSGI plugin, configuration under /etc/php/<N>. Templates name values as
 * `%(name)s` (or `%(name)04d` for a number padded to four digits).
 */

/** The PHP version keys: a number and how it runs (`8.2-fpm`, `8.2-cgi`). */
export const PHP_VERSION_KEY = /^\d+(?:\.\d+)?-(?:fpm|cgi)$/
export const PYTHON_VERSION_KEY = /^\d+(?:\.\d+)?-uwsgi$/

/** The placeholders a web app template may use (spec 5.4). */
export const WEBAPP_PLACEHOLDERS = [
  'home',
  'user',
  'user_id',
  'group',
  'app_type',
  'app_name',
  'app_id',
  'account_id',
  'php_version',
  'php_version_number',
  'php_version_int',
  'python_version',
  'python_version_number',
] as const
export type WebappPlaceholder = (typeof WEBAPP_PLACEHOLDERS)[number]

const PLACEHOLDER = /%\(([a-z_]+)\)(s|0?\d*d)/g

/**
 * Fills a template. An unknown placeholder, or one without a value here, throws: a path with
 * a hole in it must never reach a server.
 */
export function fillTemplate(
  template: string,
  values: Partial<Record<WebappPlaceholder, string | number>>,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string, format: string) => {
    const value = values[name as WebappPlaceholder]
    if (value === undefined) throw new Error(`No value for ${whole} in a web app template`)
    if (format === 's') return String(value)
    const width = Number(format.replace(/^0/, '').replace(/d$/, '') || 0)
    return String(value).padStart(width, format.startsWith('0') ? '0' : ' ')
  })
}

function placeholdersKnown(template: string): boolean {
  return [...template.matchAll(PLACEHOLDER)].every((match) =>
    (WEBAPP_PLACEHOLDERS as readonly string[]).includes(match[1]!),
  )
}

/** A placeholder as a sample value: the home is an absolute path of its own. */
const sample = (_whole: string, name: string) => (name === 'home' ? '/home/x' : 'x')

/** An absolute path template: safe characters once the placeholders are filled. */
function pathTemplate(max = 200) {
  return singleLineText(max)
    .refine(placeholdersKnown, {
      message: `may only use the placeholders ${WEBAPP_PLACEHOLDERS.join(', ')}`,
      params: { rule: 'placeholder' },
    })
    .refine((path) => SERVER_PATH.test(path.replace(PLACEHOLDER, sample)), {
      message: 'must be an absolute path of letters, digits and ._-~@%+=:,',
      params: { rule: 'path' },
    })
    .refine((path) => !hasDotSegment(path), {
      message: 'may not hold a . or .. segment',
      params: { rule: 'dot_segment' },
    })
}

/** Where FPM listens: a UNIX socket path, or `<address>:<port>` for TCP. */
const listenTemplate = z.union([
  pathTemplate(),
  singleLineText(100).regex(/^[0-9.]+:[0-9]*(?:%\((?:app_id|account_id|user_id)\)0?\d*d)?$/, {
    message: 'must be a socket path or <address>:<port> with a numeric placeholder',
  }),
])

/** A command run as root on the web server: a fixed command line, versions filled in. */
const commandTemplate = singleLineText(200)
  .regex(/^[A-Za-z0-9_./ %()-]+$/, {
    message: 'may only hold letters, digits, spaces and ._-/ besides placeholders',
  })
  .refine(placeholdersKnown, { message: 'uses an unknown placeholder' })

const count = (max: number) => z.coerce.number().int().min(1).max(max)
const functionName = z.string().regex(/^[a-z_][a-z0-9_]*$/, { message: 'is not a function name' })

export const WEBAPP_TYPE_KEYS = [
  'static',
  'php',
  'symbolic-link',
  'wordpress-php',
  'moodle-php',
  'webalizer',
  'python',
] as const
export type WebappType = (typeof WEBAPP_TYPE_KEYS)[number]

/** Spec 5.3: the functions a PHP app may not call unless it enables them. */
export const DEFAULT_DISABLED_FUNCTIONS = [
  'exec',
  'passthru',
  'shell_exec',
  'system',
  'proc_open',
  'popen',
  'curl_multi_exec',
  'show_source',
  'pcntl_exec',
  'proc_close',
  'proc_get_status',
  'proc_nice',
  'proc_terminate',
  'ini_alter',
  'virtual',
  'openlog',
  'escapeshellcmd',
  'escapeshellarg',
  'dl',
  'fsockopen',
  'pfsockopen',
  'stream_socket_client',
  'getmxrr',
  'str_rot13',
]

const G = 'WEBAPPS'

// TODO(#6): WEBAPPS_ENABLED_OPTIONS (spec 5.4) is not a setting yet: every option of 5.3 is
// offered; a list here would need the option names, which live in webapps.ts beside their rules.

export const WEBAPP_SETTINGS = {
  WEBAPPS_BASE_DIR: {
    group: G,
    help: 'The folder of a web app; %(home)s is the main user’s home.',
    schema: pathTemplate(),
    default: '%(home)s/webapps/%(app_name)s',
  },
  WEBAPPS_TYPES: {
    group: G,
    help: 'The web app types that can be created.',
    schema: listOf(z.enum(WEBAPP_TYPE_KEYS)).refine((types) => types.length > 0, {
      message: 'needs at least one type',
    }),
    default: [...WEBAPP_TYPE_KEYS] as string[],
  },
  WEBAPPS_PHP_VERSIONS: {
    group: G,
    help:
      'The PHP versions offered: <number>-fpm runs a PHP-FPM pool, <number>-cgi a FastCGI ' +
      'wrapper.',
    schema: listOf(z.string().regex(PHP_VERSION_KEY, { message: 'is not like 8.2-fpm' })),
    default: ['8.2-fpm', '8.2-cgi'] as string[],
  },
  WEBAPPS_DEFAULT_PHP_VERSION: {
    group: G,
    help: 'The PHP version of a new PHP app.',
    schema: z.string().regex(PHP_VERSION_KEY, { message: 'is not like 8.2-fpm' }),
    default: '8.2-fpm',
  },
  WEBAPPS_PYTHON_VERSIONS: {
    group: G,
    help: 'The Python versions offered, each a uWSGI plugin (3-uwsgi is Debian’s python3).',
    schema: listOf(z.string().regex(PYTHON_VERSION_KEY, { message: 'is not like 3-uwsgi' })),
    default: ['3-uwsgi'] as string[],
  },
  WEBAPPS_DEFAULT_PYTHON_VERSION: {
    group: G,
    help: 'The Python version of a new Python app.',
    schema: z.string().regex(PYTHON_VERSION_KEY, { message: 'is not like 3-uwsgi' }),
    default: '3-uwsgi',
  },
  WEBAPPS_FPM_LISTEN: {
    group: G,
    help:
      'Where a PHP-FPM pool listens: a UNIX socket (the default: no port to run out of) or ' +
      '<address>:<port>.',
    schema: listenTemplate,
    default: '/run/php/php%(php_version_number)s-%(user)s-%(app_name)s.sock',
  },
  WEBAPPS_FPM_DEFAULT_MAX_CHILDREN: {
    group: G,
    help: 'The PHP-FPM processes of a pool when its app sets no processes option.',
    schema: count(99),
    default: 3,
  },
  WEBAPPS_PHPFPM_POOL_PATH: {
    group: G,
    help: 'The PHP-FPM pool file of a PHP app.',
    schema: pathTemplate(),
    default: '/etc/php/%(php_version_number)s/fpm/pool.d/%(user)s-%(app_name)s.conf',
  },
  WEBAPPS_PHPFPM_RELOAD_POOL: {
    group: G,
    help: 'The command that reloads the PHP-FPM of a version once its pools changed.',
    schema: commandTemplate,
    default: 'systemctl reload php%(php_version_number)s-fpm',
  },
  WEBAPPS_FCGID_WRAPPER_PATH: {
    group: G,
    help: 'The FastCGI wrapper of a PHP app run by mod_fcgid (under suEXEC’s document root).',
    schema: pathTemplate(),
    default: '/var/www/fcgi-bin.d/%(user)s/%(app_name)s-wrapper',
  },
  WEBAPPS_FCGID_CMD_OPTIONS_PATH: {
    group: G,
    help: 'The Apache file with the FcgidCmdOptions of a wrapper (processes and timeout).',
    schema: pathTemplate(),
    default: '/etc/apache2/fcgid-conf/%(user)s-%(app_name)s.conf',
  },
  WEBAPPS_PHP_MAX_REQUESTS: {
    group: G,
    help: 'The requests a PHP process serves before it is replaced.',
    schema: count(100_000),
    default: 400,
  },
  WEBAPPS_PHP_DEFAULT_TIMEOUT: {
    group: G,
    help: 'The request time limit of a PHP app without a timeout option, in seconds.',
    schema: count(999),
    default: 30,
  },
  WEBAPPS_PHP_ERROR_LOG_PATH: {
    group: G,
    help: 'The PHP error log of an app when it sets none; empty leaves PHP’s default.',
    schema: z.union([z.literal(''), pathTemplate()]),
    default: '',
  },
  WEBAPPS_MERGE_PHP_WEBAPPS: {
    group: G,
    help: 'All PHP apps of an account on one version share one pool or wrapper.',
    // Text from the settings page too: `Boolean('false')` would be true, so words are read.
    schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]),
    default: false,
  },
  WEBAPPS_PHP_CGI_BINARY_PATH: {
    group: G,
    help: 'The php-cgi binary of a version.',
    schema: pathTemplate(),
    default: '/usr/bin/php-cgi%(php_version_number)s',
  },
  WEBAPPS_PHP_CGI_RC_DIR: {
    group: G,
    help: 'Where php-cgi finds its php.ini (PHPRC).',
    schema: pathTemplate(),
    default: '/etc/php/%(php_version_number)s/cgi/',
  },
  WEBAPPS_PHP_CGI_INI_SCAN_DIR: {
    group: G,
    help: 'Where php-cgi finds its extra ini files (PHP_INI_SCAN_DIR).',
    schema: pathTemplate(),
    default: '/etc/php/%(php_version_number)s/cgi/conf.d',
  },
  WEBAPPS_PHP_DISABLED_FUNCTIONS: {
    group: G,
    help: 'The functions no PHP app may call unless its enable_functions option names them.',
    schema: listOf(functionName, 200),
    default: DEFAULT_DISABLED_FUNCTIONS,
  },
  WEBAPPS_UWSGI_SOCKET: {
    group: G,
    help: 'The UNIX socket of a Python app’s uWSGI vassal.',
    schema: pathTemplate(),
    default: '/run/uwsgi/app/%(user)s-%(app_name)s/socket',
  },
  WEBAPPS_UWSGI_BASE_DIR: {
    group: G,
    help: 'The uWSGI folder; the emperor watches its vassals/ folder.',
    schema: pathTemplate(),
    default: '/etc/uwsgi/',
  },
  WEBAPPS_PYTHON_MAX_REQUESTS: {
    group: G,
    help: 'The requests a uWSGI worker serves before it is replaced.',
    schema: count(100_000),
    default: 500,
  },
  WEBAPPS_PYTHON_DEFAULT_MAX_WORKERS: {
    group: G,
    help: 'The uWSGI workers of a Python app without a processes option.',
    schema: count(99),
    default: 3,
  },
  WEBAPPS_PYTHON_DEFAULT_TIMEOUT: {
    group: G,
    help: 'The request time limit (harakiri) of a Python app without a timeout option.',
    schema: count(999),
    default: 30,
  },
  WEBAPPS_UNDER_CONSTRUCTION_PATH: {
    group: G,
    help: 'A page copied into a new, empty web app folder; empty copies nothing.',
    schema: z.union([z.literal(''), pathTemplate()]),
    default: '',
  },
  WEBAPPS_MOVE_ON_DELETE_PATH: {
    group: G,
    help: 'Where a deleted web app’s folder is moved; empty removes it.',
    schema: z.union([z.literal(''), pathTemplate()]),
    default: '',
  },
  WEBAPPS_DEFAULT_MYSQL_DATABASE_HOST: {
    group: G,
    help: 'The MySQL host a CMS connects to (its database user is granted from localhost).',
    schema: singleLineText(253).regex(/^[A-Za-z0-9.-]+$/, { message: 'is not a host name' }),
    default: 'localhost',
  },
  WEBAPPS_CMS_CACHE_DIR: {
    group: G,
    help: 'Where the web server keeps the CMS release tarballs it installs from.',
    schema: pathTemplate(),
    default: '/var/cache/orchestra/cms',
  },
} as const

/** The number of a version key: `8.2-fpm` → `8.2`; none or several is an error (spec 5.2). */
export function versionNumber(key: string): string {
  const found = key.match(/\d+(?:\.\d+)?/g) ?? []
  if (found.length !== 1) throw new Error(`${key} does not name exactly one version number`)
  return found[0]!
}
