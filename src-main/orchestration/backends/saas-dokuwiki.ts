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

/** Unpacks the template into `$home` unless a wiki is there. */
function unpack(out: Commands, wiki: WikiObject) {
  out.run(
    new ShellText(
      [
        'if [ -L "$home" ]; then echo "$home is a link, not a wiki: left as it is" >&2; exit 1; fi',
        'if [ ! -d "$home" ]; then',
        '  mkdir -p "$(dirname "$home")"',
        `  unpacked=$(mktemp -d -p "$farm")`,
      ].join('\n'),
    ),
  )
  out.run(sh`  tar -xzf ${wiki.template} -C "$unpacked" --no-same-owner`)
  out.run(sh`  chown -R ${`${wiki.user}:${wiki.group}`} "$unpacked"`)
  out.run(
    new ShellText(['  chmod 0755 "$unpacked"', '  mv -T "$unpacked" "$home"', 'fi'].join('\n')),
  )
}

/** The `admin` line of conf/users.auth.php: hash, real name, e-mail and groups. */
function adminLine(wiki: WikiObject, hash: string): Secret {
  const fields = [hash, wiki.accountUsername, wiki.accountEmail].map(passwdFileField)
  return new Secret(['admin', ...fields, 'admin,user'].join(':'))
}

/** Where a disabled wiki waits: a hidden folder of the farm, which no host name can reach. */
const parkedOf = (wiki: WikiObject) => `${wiki.farm}/.disabled/${wiki.siteDomain}`

/**
 * Puts a disabled wiki aside (spec 0.1: a disabled account's sites stop answering) and back
 * when it is enabled again, files untouched. `home` is then wherever the wiki is.
 */
function parkOrUnpark(out: Commands, wiki: WikiObject, site: string) {
  out.run(sh`site=${site}; parked=${parkedOf(wiki)}`)
  const lines = wiki.isActive
    ? [
        'if [ ! -e "$site" ] && [ ! -L "$site" ] && [ -d "$parked" ] && [ ! -L "$parked" ]; then',
        '  mv -T "$parked" "$site"',
        'fi',
        'home=$site',
      ]
    : [
        'if [ -d "$site" ] && [ ! -L "$site" ] && [ ! -e "$parked" ]; then',
        '  mkdir -p "$farm/.disabled"',
        '  mv -T "$site" "$parked"',
        'fi',
        'home=$parked',
      ]
  out.run(new ShellText(lines.join('\n')))
}

function setAdmin(out: Commands, wiki: WikiObject, hash: string) {
  out.run(new ShellText('if [ -L "$home/conf" ]; then echo "conf is a link" >&2; exit 1; fi'))
  const auth = new ShellText('"$home/conf/users.auth.php"')
  const run = sh`runuser -u ${wiki.user} -- bash -c ${SET_ADMIN} orchestra ${auth}`
  out.run(sh`printf '%s\n' ${adminLine(wiki, hash)} | ${run}`)
}

function saveWiki(out: Commands, wiki: WikiObject) {
  const site = `${wiki.farm}/${wiki.siteDomain}`
  out.run(sh`mkdir -p ${wiki.farm}`)
  out.run(sh`farm=${wiki.farm}`)
  parkOrUnpark(out, wiki, site)
  // A wiki disabled before it was ever made is made all the same, aside.
  unpack(out, wiki)
  if (wiki.passwordHash) setAdmin(out, wiki, wiki.passwordHash)

  const custom = wiki.isActive ? wiki.customHost : ''
  removeLinks(out, wiki, custom)
  if (custom) {
    out.run(sh`link=${`${wiki.farm}/${custom}`}`)
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
  for (const path of [`${wiki.farm}/${wiki.siteDomain}`, parkedOf(wiki)]) {
    out.run(sh`if [ -L ${path} ]; then rm -f -- ${path}; else rm -rf -- ${path}; fi`)
  }
}

export const dokuwikiBackend = defineBackend<WikiObject>({
  ...tenantBackend('dokuwiki'),
  id: 'saas-dokuwiki',
  label: 'DokuWiki farm',
  description:
    'Unpacks each wiki into the farm from the template tarball, sets its admin user with a ' +
    'SHA-512 crypt hash, links its custom domain, puts a disabled wiki aside in .disabled; ' +
    'removes all of it on delete.',
  docSettings: ['SAAS_DOKUWIKI_FARM_PATH', 'SAAS_DOKUWIKI_TEMPLATE_PATH', 'SAAS_DOKUWIKI_USER'],
  load: loadWiki,
  actions: { save: saveWiki, delete: deleteWiki },
})
