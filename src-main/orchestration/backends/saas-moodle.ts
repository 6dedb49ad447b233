import { phpString, sh } from '../../core/escape'
import { fillDomainTemplate } from '../../../src-shared/schemas/saas-settings'
import { settingValue } from '../../data/settings'
import type { Tx } from '../../db/store'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { loadTenant, tenantBackend, type TenantObject } from './saas-objects'
import { setPhpLine } from './saas-php-lines'

/**
 * The Moodle multisite (spec 8.3), for the parts that are plain files: each site's data
 * folder, and its line of the site map the shared config.php reads to pick the site of a
 * custom host (`$site_map['host'] = ['site', 'wwwroot']`).
 */

export interface MoodleObject extends TenantObject {
  siteMap: string
  data: string
  user: string
}

async function loadMoodle(tx: Tx, id: number): Promise<MoodleObject | undefined> {
  const tenant = await loadTenant(tx, id)
  if (!tenant) return undefined
  const data = await settingValue(tx, 'SAAS_MOODLE_DATA_PATH')
  return Object.assign(tenant, {
    siteMap: await settingValue(tx, 'SAAS_MOODLE_SITE_MAP_PATH'),
    data: fillDomainTemplate(data, tenant.name, ''),
    user: await settingValue(tx, 'SAAS_MOODLE_USER'),
  })
}

const tagOf = (moodle: MoodleObject) => `// orchestra: site ${moodle.name}`

/** Moodle's wwwroot has no trailing slash: the custom URL without it. */
const wwwroot = (url: string) => url.replace(/\/$/, '')

function saveMoodle(out: Commands, moodle: MoodleObject) {
  const { data, user } = moodle
  out.run(sh`if [ -L ${data} ]; then echo "the data folder is a link" >&2; exit 1; fi`)
  out.run(sh`mkdir -p ${data}`)
  out.run(sh`chown ${user} ${data}`)
  out.run(sh`chmod 0750 ${data}`)
  const line = moodle.customHost
    ? `$site_map[${phpString(moodle.customHost)}] = ` +
      `[${phpString(moodle.name)}, ${phpString(wwwroot(moodle.customUrl))}];`
    : ''
  setPhpLine(out, moodle.siteMap, tagOf(moodle), line)
}

/** Removes the site map line and the data folder. */
function deleteMoodle(out: Commands, moodle: MoodleObject) {
  setPhpLine(out, moodle.siteMap, tagOf(moodle), '')
  out.run(
    sh`if [ -L ${moodle.data} ]; then rm -f -- ${moodle.data}; else rm -rf -- ${moodle.data}; fi`,
  )
}

// TODO(#6): the site's database is not installed (Moodle's admin/cli/install_database.php
// with SITE=<name>), its admin password not set (the `<prefix>_user` row), its tables not
// dropped on delete and its cron line not kept: each needs Moodle and its database, which
// cannot run here. A password given is therefore not applied yet.
export const moodleBackend = defineBackend<MoodleObject>({
  ...tenantBackend('moodle'),
  id: 'saas-moodle',
  label: 'Moodle multisite (files)',
  description:
    "Creates each site's data folder and keeps its custom host in the installation's site " +
    'map; delete removes both.',
  docSettings: ['SAAS_MOODLE_SITE_MAP_PATH', 'SAAS_MOODLE_DATA_PATH', 'SAAS_MOODLE_USER'],
  load: loadMoodle,
  actions: { save: saveMoodle, delete: deleteMoodle },
})
