import { phpString, sh, ShellText } from '../../core/escape'
import { fillDomainTemplate } from '../../../src-shared/schemas/saas-settings'
import { settingValue } from '../../data/settings'
import type { Tx } from '../../db/store'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { loadTenant, tenantBackend, type TenantObject } from './saas-objects'

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

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/'

/**
 * Replaces the line tagged `$2` of the PHP file `$1` by the line read on stdin (or only drops
 * it when stdin is empty), through a temporary file beside it. The file starts as `<?php`.
 */
const SET_LINE = [
  'set -euo pipefail',
  'file=$1; tag=$2; line=$(cat)',
  'if [ -L "$file" ]; then echo "$file is a link: left as it is" >&2; exit 1; fi',
  'if [ ! -e "$file" ]; then printf \'%s\\n\' \'<?php\' > "$file"; fi',
  // Lines ending in the tag; a substring test would also take `site foo` for `site foobar`.
  'TAG=$tag awk \'{ n = length(ENVIRON["TAG"])',
  '  if (substr($0, length($0) - n + 1) != ENVIRON["TAG"]) print }\' \\',
  '  "$file" > "$file.orchestra-tmp"',
  'if [ -n "$line" ]; then printf \'%s %s\\n\' "$line" "$tag" >> "$file.orchestra-tmp"; fi',
  'chmod 0644 "$file.orchestra-tmp"',
  'mv -f "$file.orchestra-tmp" "$file"',
].join('\n')

/** Runs SET_LINE, as `user` when given (a file in a folder the web server can write). */
function setLine(out: Commands, file: string, tag: string, php: string, user?: string) {
  const as = user ? sh`runuser -u ${user} -- ` : new ShellText('')
  out.run(sh`printf '%s' ${php} | ${as}bash -c ${SET_LINE} orchestra ${file} ${tag}`)
}

function saveDrupal(out: Commands, drupal: DrupalObject) {
  const { site, user, name } = drupal
  out.run(sh`if [ -L ${site} ]; then echo "the site folder is a link" >&2; exit 1; fi`)
  out.run(sh`mkdir -p ${site}`)
  out.run(sh`chown ${user} ${site}`)
  const prefix = `$databases['default']['default']['prefix'] = ${phpString(tablePrefix(name))};`
  setLine(out, `${site}/settings.php`, `// orchestra: table prefix`, prefix, user)
  const map = `$sites[${phpString(drupal.siteDomain)}] = ${phpString(name)};`
  setLine(out, `${parentOf(site)}/sites.php`, `// orchestra: site ${name}`, map)
}

/** Removes the folder and its line of sites.php; the tables stay (spec 8.3). */
function deleteDrupal(out: Commands, drupal: DrupalObject) {
  const { site, name } = drupal
  setLine(out, `${parentOf(site)}/sites.php`, `// orchestra: site ${name}`, '')
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
