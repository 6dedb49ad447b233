import { phpString, sh } from '../../core/escape'
import { fillDomainTemplate } from '../../../src-shared/schemas/saas-settings'
import { settingValue } from '../../data/settings'
import type { Tx } from '../../db/store'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { loadTenant, tenantBackend, type TenantObject } from './saas-objects'
import { parentOf, setPhpLine } from './saas-php-lines'

/**
 * The Drupal multisite (spec 8.3): a site folder per tenant under the installation's `sites`,
 * its settings.php giving its tables a prefix of their own in the shared database, and a line
 * of sites.php sending the site domain to that folder.
 */

export interface DrupalObject extends TenantObject {
  /** The tenant's site folder. */
  site: string
  user: string
}

async function loadDrupal(tx: Tx, id: number): Promise<DrupalObject | undefined> {
  const tenant = await loadTenant(tx, id)
  if (!tenant) return undefined
  const template = await settingValue(tx, 'SAAS_DRUPAL_SITES_PATH')
  return Object.assign(tenant, {
    site: fillDomainTemplate(template, tenant.name, ''),
    user: await settingValue(tx, 'SAAS_DRUPAL_USER'),
  })
}

/** A table prefix from a host name: `-` and `.` have no place in an SQL identifier. */
export const tablePrefix = (name: string) => `${name.replace(/[-.]/g, '_')}_`

function saveDrupal(out: Commands, drupal: DrupalObject) {
  const { site, user, name } = drupal
  out.run(sh`if [ -L ${site} ]; then echo "the site folder is a link" >&2; exit 1; fi`)
  out.run(sh`mkdir -p ${site}`)
  out.run(sh`chown ${user} ${site}`)
  const prefix = `$databases['default']['default']['prefix'] = ${phpString(tablePrefix(name))};`
  setPhpLine(out, `${site}/settings.php`, `// orchestra: table prefix`, prefix, user)
  const map = `$sites[${phpString(drupal.siteDomain)}] = ${phpString(name)};`
  setPhpLine(out, `${parentOf(site)}/sites.php`, `// orchestra: site ${name}`, map)
}

/** Removes the folder and its line of sites.php; the tables stay (spec 8.3). */
function deleteDrupal(out: Commands, drupal: DrupalObject) {
  const { site, name } = drupal
  setPhpLine(out, `${parentOf(site)}/sites.php`, `// orchestra: site ${name}`, '')
  out.run(sh`if [ -L ${site} ]; then rm -f -- ${site}; else rm -rf -- ${site}; fi`)
}

// TODO(#6): the admin password is not set: Drupal keeps it in the site's own user table,
// which exists only once the site is installed (drush site:install against the shared
// database), and neither Drupal nor drush can run here to build and test that step.
export const drupalBackend = defineBackend<DrupalObject>({
  ...tenantBackend('drupal'),
  id: 'saas-drupal',
  label: 'Drupal multisite',
  description:
    'Creates each site folder with a settings.php that gives its tables their own prefix, ' +
    'and maps the site domain to it in sites.php; delete removes both (tables stay).',
  docSettings: ['SAAS_DRUPAL_SITES_PATH', 'SAAS_DRUPAL_USER'],
  load: loadDrupal,
  actions: { save: saveDrupal, delete: deleteDrupal },
})
