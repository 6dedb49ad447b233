import { z } from 'zod'
import { singleLineText } from './common'
import { DEFAULT_ENABLED_SAAS, SAAS_CATALOGUE, SAAS_SERVICES, type SaasService } from './saas'
import { listSetting as listOf } from './setting-lists'
import { hasDotSegment, SERVER_PATH } from './system-user-settings'

/**
 * A site domain template: `%(site_name)s` (or `%(name)s`) is the tenant's name and
 * `%(base_domain)s` the provider's ORCHESTRA_BASE_DOMAIN, read when the domain is needed. A
 * template without the name is one shared site whose tenants are its users (GitLab...).
 */
export const SITE_NAME = /%\((site_name|name)\)s/g
export const BASE_DOMAIN = /%\(base_domain\)s/g

const domainTemplate = singleLineText(253)
  .toLowerCase()
  .refine(
    (template) => {
      const filled = template.replace(SITE_NAME, 'x').replace(BASE_DOMAIN, 'orchestra.lan')
      return /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(filled)
    },
    { message: 'must be a domain, with %(site_name)s and %(base_domain)s where they belong' },
  )

/** A path on the server, where `%(site_name)s` may stand for the tenant's name. */
function serverPath(needsName: boolean) {
  return singleLineText(200)
    .refine((path) => SERVER_PATH.test(path.replace(SITE_NAME, 'x')) && !hasDotSegment(path), {
      message: 'must be an absolute path of letters, digits and ._-, without . or ..',
    })
    .refine((path) => !needsName || path.replace(SITE_NAME, '') !== path, {
      message: 'must contain %(site_name)s',
    })
}

const unixName = singleLineText(32).regex(/^[a-z_][a-z0-9_-]{0,31}$/, {
  message: 'is not a UNIX name',
})

const DOMAIN_DEFAULTS: Record<SaasService, string> = {
  wordpress: '%(site_name)s.blogs.%(base_domain)s',
  dokuwiki: '%(site_name)s.dokuwiki.%(base_domain)s',
  drupal: '%(site_name)s.drupal.%(base_domain)s',
  moodle: '%(site_name)s.courses.%(base_domain)s',
  phplist: '%(site_name)s.lists.%(base_domain)s',
  gitlab: 'gitlab.%(base_domain)s',
  owncloud: 'owncloud.%(base_domain)s',
  bscw: 'bscw.%(base_domain)s',
  seafile: 'seafile.%(base_domain)s',
}

export type SaasDomainSetting = `SAAS_${Uppercase<SaasService>}_DOMAIN`
export const domainSettingOf = (service: SaasService) =>
  `SAAS_${service.toUpperCase()}_DOMAIN` as SaasDomainSetting

const domainSettings = Object.fromEntries(
  SAAS_SERVICES.map((service) => [
    domainSettingOf(service),
    {
      group: 'SAAS',
      help:
        `The site domain of a ${SAAS_CATALOGUE[service].label} tenant; ` +
        '%(site_name)s is its name, %(base_domain)s the provider domain.',
      schema: domainTemplate,
      default: DOMAIN_DEFAULTS[service],
    },
  ]),
) as Record<
  SaasDomainSetting,
  { group: 'SAAS'; help: string; schema: typeof domainTemplate; default: string }
>

const allowCustomUrl = (label: string) => ({
  group: 'SAAS',
  help: `Whether a ${label} tenant may also answer on a URL of its account's own domain.`,
  schema: z.boolean(),
  default: true,
})

/** Spec 8.2 and 8.3, for the services whose backends are written. */
export const SAAS_SETTINGS = {
  SAAS_ENABLED_SERVICES: {
    group: 'SAAS',
    help: 'The services new tenants may be created on.',
    schema: listOf(z.enum(SAAS_SERVICES)),
    default: DEFAULT_ENABLED_SAAS,
  },
  ...domainSettings,
  SAAS_WORDPRESS_ALLOW_CUSTOM_URL: allowCustomUrl('WordPress'),
  SAAS_DOKUWIKI_ALLOW_CUSTOM_URL: allowCustomUrl('DokuWiki'),
  SAAS_MOODLE_ALLOW_CUSTOM_URL: allowCustomUrl('Moodle'),
  SAAS_DOKUWIKI_TEMPLATE_PATH: {
    group: 'SAAS',
    help: 'The tarball a new wiki of the farm is unpacked from, on the wiki server.',
    schema: serverPath(false),
    default: '/var/www/wikifarm/template.tar.gz',
  },
  SAAS_DOKUWIKI_FARM_PATH: {
    group: 'SAAS',
    help: 'The farm folder: one folder per wiki, named after its site domain.',
    schema: serverPath(false),
    default: '/var/www/wikifarm/farm',
  },
  SAAS_DOKUWIKI_USER: {
    group: 'SAAS',
    help: "The server user that owns a wiki's files.",
    schema: unixName,
    default: 'www-data',
  },
  SAAS_DOKUWIKI_GROUP: {
    group: 'SAAS',
    help: "The server group of a wiki's files.",
    schema: unixName,
    default: 'www-data',
  },
  SAAS_DRUPAL_SITES_PATH: {
    group: 'SAAS',
    help: "A Drupal tenant's site folder in the multisite installation; %(site_name)s is its name.",
    schema: serverPath(true),
    default: '/var/www/drupal/sites/%(site_name)s',
  },
  SAAS_DRUPAL_USER: {
    group: 'SAAS',
    help: "The server user that owns a Drupal site's folder.",
    schema: unixName,
    default: 'www-data',
  },
  SAAS_MOODLE_SITE_MAP_PATH: {
    group: 'SAAS',
    help:
      'The PHP file of the Moodle installation holding $site_map (custom host => [site, ' +
      'wwwroot]); its config.php includes it before lib/setup.php.',
    schema: serverPath(false),
    default: '/var/www/moodle-mu/site-map.php',
  },
  SAAS_MOODLE_DATA_PATH: {
    group: 'SAAS',
    help: "A Moodle site's data folder; %(site_name)s is its name.",
    schema: serverPath(true),
    default: '/var/moodledata/%(site_name)s',
  },
  SAAS_MOODLE_USER: {
    group: 'SAAS',
    help: "The server user Moodle runs as, owner of each site's data folder.",
    schema: unixName,
    default: 'www-data',
  },
} as const

export const CUSTOM_URL_SETTING: Partial<
  Record<SaasService, keyof typeof SAAS_SETTINGS & `SAAS_${string}_ALLOW_CUSTOM_URL`>
> = {
  wordpress: 'SAAS_WORDPRESS_ALLOW_CUSTOM_URL',
  dokuwiki: 'SAAS_DOKUWIKI_ALLOW_CUSTOM_URL',
  moodle: 'SAAS_MOODLE_ALLOW_CUSTOM_URL',
}

/** A site domain from its template, the tenant's name and the provider's domain. */
export function fillDomainTemplate(template: string, name: string, baseDomain: string): string {
  return template.replace(SITE_NAME, name).replace(BASE_DOMAIN, baseDomain)
}
