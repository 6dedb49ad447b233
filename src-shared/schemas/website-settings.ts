import { z } from 'zod'
import { singleLineText } from './common'
import { listSetting } from './setting-lists'
import { DIRECTIVE_NAMES, SAAS_MOUNT_SERVICES, type SaasMountService } from './website-directives'
import { WEBSITE_PROTOCOLS } from './websites'

/** Spec 6.4. Templates name their values as `%(name)s`; each lists the names it knows. */

const hasDotSegment = (path: string) =>
  path.split('/').some((segment) => segment === '.' || segment === '..')

/** A template's value once its placeholders are filled with sample words. */
const filled = (template: string) => template.replace(/%\((\w+)\)s/g, 'x')

const placeholdersIn = (template: string) =>
  [...template.matchAll(/%\((\w+)\)s/g)].map((match) => match[1]!)

function knownPlaceholders(names: readonly string[]) {
  return (template: string, ctx: z.RefinementCtx) => {
    const unknown = placeholdersIn(template).find((name) => !names.includes(name))
    if (unknown === undefined) return
    ctx.addIssue({
      code: 'custom',
      message: `knows ${names.map((name) => `%(${name})s`).join(', ')}, not %(${unknown})s`,
      params: { rule: 'placeholder' },
    })
  }
}

/** An absolute path on the server, maybe a template: nothing a config or shell misreads. */
function serverPath(placeholders: readonly string[], { optional = false } = {}) {
  return singleLineText(200)
    .superRefine(knownPlaceholders(placeholders))
    .refine(
      (path) => (optional && path === '') || /^(?:\/[A-Za-z0-9_@+=:,.~-]+)+$/.test(filled(path)),
      {
        message: 'must be an absolute path of letters, digits and /._-+@=,:~',
        params: { rule: 'path' },
      },
    )
    .refine((path) => !hasDotSegment(filled(path)), {
      message: 'may not hold a . or .. segment',
      params: { rule: 'dot_segment' },
    })
}

const LOG_PLACEHOLDERS = ['unique_name', 'user', 'site_name', 'id'] as const

/** A listen address: `*`, an IPv4 address or a bracketed IPv6 one. */
const listenAddress = z.string().regex(/^(?:\*|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])$/, {
  message: 'must be *, an IPv4 address or an [IPv6] address',
})

/** Where FPM listens: a UNIX socket path, or `<address>:<port>`. */
const fpmListen = z.union([
  serverPath([]),
  singleLineText(60).regex(/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/, {
    message: 'must be a socket path or <IPv4 address>:<port>',
  }),
])

const SAAS_ROOTS: Record<SaasMountService, string> = {
  wordpress: '/var/www/wordpress-mu',
  dokuwiki: '/var/www/wikifarm/dokuwiki',
  drupal: '/var/www/drupal',
  moodle: '/var/www/moodle-mu',
}

export type SaasRootSetting = `WEBSITES_SAAS_${Uppercase<SaasMountService>}_ROOT`
export type SaasFpmSetting = `WEBSITES_SAAS_${Uppercase<SaasMountService>}_FPM`
export const saasMountSettingsOf = (service: SaasMountService) => ({
  root: `WEBSITES_SAAS_${service.toUpperCase()}_ROOT` as SaasRootSetting,
  fpm: `WEBSITES_SAAS_${service.toUpperCase()}_FPM` as SaasFpmSetting,
})

/**
 * WEBSITES_SAAS_DIRECTIVES of spec 6.4, one setting per value: the folder of the shared
 * installation a `<service>-saas` directive mounts, and the PHP-FPM pool that runs it.
 */
function saasMountSettings() {
  const entries = SAAS_MOUNT_SERVICES.flatMap((service) => {
    const names = saasMountSettingsOf(service)
    const root = {
      group: 'WEBSITES',
      help: `The shared ${service} installation a ${service}-saas directive mounts.`,
      schema: serverPath([]),
      default: SAAS_ROOTS[service],
    }
    const fpm = {
      group: 'WEBSITES',
      help: `Where the PHP-FPM pool of the shared ${service} installation listens.`,
      schema: fpmListen,
      default: '/run/php/php8.2-fpm.sock',
    }
    return [
      [names.root, root],
      [names.fpm, fpm],
    ]
  })
  type Spec<S> = { group: 'WEBSITES'; help: string; schema: S; default: string }
  return Object.fromEntries(entries) as Record<
    SaasRootSetting,
    Spec<ReturnType<typeof serverPath>>
  > &
    Record<SaasFpmSetting, Spec<typeof fpmListen>>
}

export const WEBSITE_SETTINGS = {
  WEBSITES_UNIQUE_NAME_FORMAT: {
    group: 'WEBSITES',
    help:
      'The name of a website’s files on its servers: %(user)s is the main system user, ' +
      '%(site_name)s the website, %(id)s its number.',
    schema: singleLineText(100)
      .superRefine(knownPlaceholders(['user', 'site_name', 'id']))
      .refine((template) => /%\((site_name|id)\)s/.test(template), {
        message: 'must contain %(site_name)s or %(id)s, so that two websites never share files',
        params: { rule: 'placeholder' },
      })
      .refine((template) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(filled(template)), {
        message: 'must give a file name of letters, digits and ._-',
        params: { rule: 'file_name' },
      }),
    default: '%(user)s-%(site_name)s',
  },
  WEBSITES_DEFAULT_PROTOCOL: {
    group: 'WEBSITES',
    help: 'The protocol a new website starts with.',
    schema: z.enum(WEBSITE_PROTOCOLS),
    default: 'http',
  },
  WEBSITES_DEFAULT_IPS: {
    group: 'WEBSITES',
    help: 'The addresses every virtual host listens on: * for all of them.',
    schema: listSetting(listenAddress, 10).refine((ips) => ips.length > 0, {
      message: 'needs at least one address',
    }),
    default: ['*'],
  },
  WEBSITES_BASE_APACHE_CONF: {
    group: 'WEBSITES',
    help: 'Apache’s configuration folder, holding sites-available and sites-enabled.',
    schema: serverPath([]),
    default: '/etc/apache2',
  },
  WEBSITES_BASE_NGINX_CONF: {
    group: 'WEBSITES',
    help: 'nginx’s configuration folder, holding nginx.conf, sites-available and sites-enabled.',
    schema: serverPath([]),
    default: '/etc/nginx',
  },
  WEBSITES_WEBSITE_WWW_ACCESS_LOG_PATH: {
    group: 'WEBSITES',
    help: 'A website’s Apache access log; %(unique_name)s, %(user)s, %(site_name)s, %(id)s.',
    schema: serverPath(LOG_PLACEHOLDERS),
    default: '/var/log/apache2/virtual/%(unique_name)s.log',
  },
  WEBSITES_WEBSITE_WWW_ERROR_LOG_PATH: {
    group: 'WEBSITES',
    help: 'A website’s own Apache error log, with the same names; empty shares the server’s.',
    schema: serverPath(LOG_PLACEHOLDERS, { optional: true }),
    default: '',
  },
  WEBSITES_NGINX_ACCESS_LOG_PATH: {
    group: 'WEBSITES',
    help: 'A website’s nginx access log; %(unique_name)s, %(user)s, %(site_name)s, %(id)s.',
    schema: serverPath(LOG_PLACEHOLDERS),
    default: '/var/log/nginx/virtual/%(unique_name)s.log',
  },
  WEBSITES_NGINX_ERROR_LOG_PATH: {
    group: 'WEBSITES',
    help: 'A website’s own nginx error log, with the same names; empty shares the server’s.',
    schema: serverPath(LOG_PLACEHOLDERS, { optional: true }),
    default: '',
  },
  WEBSITES_DEFAULT_SSL_CERT: {
    group: 'WEBSITES',
    help: 'The certificate (with its chain) of https sites that have none of their own.',
    schema: serverPath([], { optional: true }),
    default: '',
  },
  WEBSITES_DEFAULT_SSL_KEY: {
    group: 'WEBSITES',
    help: 'The private key of WEBSITES_DEFAULT_SSL_CERT.',
    schema: serverPath([], { optional: true }),
    default: '',
  },
  WEBSITES_DEFAULT_SSL_CA: {
    group: 'WEBSITES',
    help: 'An extra CA chain file for WEBSITES_DEFAULT_SSL_CERT (Apache), if any.',
    schema: serverPath([], { optional: true }),
    default: '',
  },
  WEBSITES_WEBALIZER_PATH: {
    group: 'WEBSITES',
    help: 'The folder of the Webalizer configurations, one per website mounting a Webalizer app.',
    schema: serverPath([]),
    default: '/home/httpd/webalizer',
  },
  WEBSITES_ENABLED_DIRECTIVES: {
    group: 'WEBSITES',
    help:
      'The directives a website may be given. One left out is refused when added or changed, ' +
      'and stays where it already is.',
    schema: listSetting(z.enum(DIRECTIVE_NAMES), DIRECTIVE_NAMES.length),
    default: [...DIRECTIVE_NAMES],
  },
  ...saasMountSettings(),
} as const

/** A template with its placeholders filled. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/%\((\w+)\)s/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}
