import { passwdFileField, Secret, sh, ShellText } from '../../core/escape'
import { settingValue } from '../../data/settings'
import type { Tx } from '../../db/store'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { loadTenant, tenantBackend, type TenantObject } from './saas-objects'

/**
 * The DokuWiki farm (spec 8.3): one folder per wiki in the farm, named after its site domain,
 * unpacked from a template tarball; a custom domain is a symbolic link in the farm to it.
 */

export interface WikiObject extends TenantObject {
  farm: string
  template: string
  user: string
  group: string
}

async function loadWiki(tx: Tx, id: number): Promise<WikiObject | undefined> {
  const tenant = await loadTenant(tx, id)
  if (!tenant) return undefined
  // Assigned, not spread: the password hash is a property a spread would not copy.
  return Object.assign(tenant, {
    farm: await settingValue(tx, 'SAAS_DOKUWIKI_FARM_PATH'),
    template: await settingValue(tx, 'SAAS_DOKUWIKI_TEMPLATE_PATH'),
    user: await settingValue(tx, 'SAAS_DOKUWIKI_USER'),
    group: await settingValue(tx, 'SAAS_DOKUWIKI_GROUP'),
  })
}

/**
 * Run as the wiki's owner, so that a link planted in the site (which the web server can
 * write) leads nowhere the web server could not go anyway. Reads the `admin` line on stdin
 * and puts it in place of the old one.
 */
const SET_ADMIN = [
  'set -euo pipefail',
  'auth=$1',
  'line=$(cat)',
  'if [ ! -e "$auth" ]; then printf \'%s\\n\' \'# <?php exit()?>\' > "$auth"; fi',
  'grep -v \'^admin:\' "$auth" > "$auth.orchestra-tmp" || true',
  'printf \'%s\\n\' "$line" >> "$auth.orchestra-tmp"',
  'chmod 0640 "$auth.orchestra-tmp"',
  'mv -f "$auth.orchestra-tmp" "$auth"',
].join('\n')

/** Removes the farm's links to the site, except the one named `keep` (may be empty). */
function removeLinks(out: Commands, wiki: WikiObject, keep: string) {
  out.run(sh`farm=${wiki.farm}; domain=${wiki.siteDomain}; keep=${keep}`)
  out.run(
    new ShellText(
      [
        'for link in "$farm"/*; do',
        '  [ -L "$link" ] || continue',
        '  [ "$(readlink -- "$link")" = "$domain" ] || continue',
        '  [ -n "$keep" ] && [ "$link" = "$farm/$keep" ] && continue',
        '  rm -f -- "$link"',
        'done',
      ].join('\n'),
    ),
  )
}

function unpack(out: Commands, wiki: WikiObject, site: string) {
  out.run(sh`site=${site}`)
  out.run(
    new ShellText(
      [
        'if [ -L "$site" ]; then echo "$site is a link, not a wiki: left as it is" >&2; exit 1; fi',
        'if [ ! -d "$site" ]; then',
        `  unpacked=$(mktemp -d "$farm/.orchestra-XXXXXX")`,
      ].join('\n'),
    ),
  )
  out.run(sh`  tar -xzf ${wiki.template} -C "$unpacked" --no-same-owner`)
  out.run(sh`  chown -R ${`${wiki.user}:${wiki.group}`} "$unpacked"`)
  out.run(
    new ShellText(['  chmod 0755 "$unpacked"', '  mv -T "$unpacked" "$site"', 'fi'].join('\n')),
  )
}

/** The `admin` line of conf/users.auth.php: hash, real name, e-mail and groups. */
function adminLine(wiki: WikiObject, hash: string): Secret {
  const fields = [hash, wiki.accountUsername, wiki.accountEmail].map(passwdFileField)
  return new Secret(['admin', ...fields, 'admin,user'].join(':'))
}

function saveWiki(out: Commands, wiki: WikiObject) {
  const site = `${wiki.farm}/${wiki.siteDomain}`
  out.run(sh`mkdir -p ${wiki.farm}`)
  out.run(sh`farm=${wiki.farm}`)
  unpack(out, wiki, site)

  if (wiki.passwordHash) {
    out.run(sh`if [ -L ${`${site}/conf`} ]; then echo "conf is a link" >&2; exit 1; fi`)
    const auth = `${site}/conf/users.auth.php`
    const run = sh`runuser -u ${wiki.user} -- bash -c ${SET_ADMIN} orchestra ${auth}`
    out.run(sh`printf '%s\n' ${adminLine(wiki, wiki.passwordHash)} | ${run}`)
  }

  removeLinks(out, wiki, wiki.customHost)
  if (wiki.customHost) {
    out.run(sh`link=${`${wiki.farm}/${wiki.customHost}`}`)
    out.run(
      new ShellText(
        'if [ -e "$link" ] && [ ! -L "$link" ]; then\n' +
          '  echo "$link is a wiki, not a link: left as it is" >&2; exit 1\nfi',
      ),
    )
    // Relative, so the farm can move as a whole.
    out.run(sh`ln -sfnT ${wiki.siteDomain} "$link"`)
  }
}

function deleteWiki(out: Commands, wiki: WikiObject) {
  removeLinks(out, wiki, '')
  const site = `${wiki.farm}/${wiki.siteDomain}`
  out.run(sh`if [ -L ${site} ]; then rm -f -- ${site}; else rm -rf -- ${site}; fi`)
}

// TODO(#6): an inactive wiki is left serving; the farm has no per-wiki switch in the spec,
// and moving the folder aside would need the farmer's own "disabled" convention.
export const dokuwikiBackend = defineBackend<WikiObject>({
  ...tenantBackend('dokuwiki'),
  id: 'saas-dokuwiki',
  label: 'DokuWiki farm',
  description:
    'Unpacks each wiki into the farm from the template tarball, sets its admin user with a ' +
    'SHA-512 crypt hash, and links its custom domain; removes both on delete.',
  docSettings: ['SAAS_DOKUWIKI_FARM_PATH', 'SAAS_DOKUWIKI_TEMPLATE_PATH', 'SAAS_DOKUWIKI_USER'],
  load: loadWiki,
  actions: { save: saveWiki, delete: deleteWiki },
})
