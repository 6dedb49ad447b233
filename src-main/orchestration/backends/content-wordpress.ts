import { phpString } from '../../core/escape'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import {
  contentMatch,
  contentRelated,
  loadContentApp,
  ownMount,
  type ContentApp,
} from './content-objects'
import { rewriteConfig } from './content-files'

const BEGIN = '// BEGIN Orchestra Desktop: site URL (rewritten when its website changes)'
const END = '// END Orchestra Desktop: site URL'

/** A website serves HTTPS on every protocol but plain http (spec 6.1). */
const servesHttps = (protocol: string) => protocol !== 'http'

/**
 * The block wp-config.php gets: the site's URL as WP_HOME and WP_SITEURL, which WordPress
 * takes over its `home` and `siteurl` options, and FORCE_SSL_ADMIN when the site serves
 * HTTPS. Constants in the file instead of the original's rows in the database: no database
 * password travels, and a site without its database still knows its address. Each is only
 * defined when the file did not define it earlier, so no PHP warning; empty without a mount.
 */
export function siteUrlBlock(app: ContentApp): string {
  const mount = ownMount(app)
  if (!mount?.url) return ''
  const define = (name: string, value: string) =>
    `defined(${phpString(name)}) || define(${phpString(name)}, ${value});`
  return [
    BEGIN,
    define('WP_HOME', phpString(mount.url)),
    define('WP_SITEURL', phpString(mount.url)),
    ...(servesHttps(mount.protocol) ? [define('FORCE_SSL_ADMIN', 'true')] : []),
    END,
  ].join('\n')
}

/**
 * Takes out the block of the last run and puts the new one in just before wp-settings.php is
 * loaded: constants defined after it come too late.
 */
const PLACE_BLOCK = `
  $0 == "${BEGIN}" { skip = 1; next }
  skip { if ($0 == "${END}") skip = 0; next }
  !done && /^[ \\t]*require(_once)?[ \\t(].*wp-settings\\.php/ {
    if (ENVIRON["VALUE"] != "") print ENVIRON["VALUE"]
    done = 1
  }
  { print }
  END { if (!done) exit 3 }
`

function save(out: Commands, app: ContentApp) {
  rewriteConfig(out, app, {
    file: `${app.appDir}/wp-config.php`,
    program: PLACE_BLOCK,
    value: siteUrlBlock(app),
    noPlace: 'never loads wp-settings.php: its site URL is not set',
    product: 'WordPress',
  })
}

/**
 * WordPress URL and force SSL (spec 6.6), one backend as both edit the same file: the URL of
 * the app's first mount (by site, then path) becomes its address, HTTPS sites force it for the
 * admin; an app no longer mounted loses the block and goes back to its database options.
 */
export const wordpressContentBackend = defineBackend<ContentApp>({
  id: 'wordpress-content',
  label: 'WordPress site URL',
  description:
    'Writes the URL of the site mounting a WordPress app into its wp-config.php (WP_HOME, ' +
    'WP_SITEURL, and FORCE_SSL_ADMIN on HTTPS), checked with php -l; removes it when unmounted.',
  model: 'webapp',
  related: contentRelated('wordpress-php'),
  declaredActions: ['save'],
  defaultRouteMatch: 'instance.type == "wordpress-php"',
  executable: '/bin/bash',
  timeoutMs: 120_000,
  load: loadContentApp,
  repr: (app) => `${app.user}/${app.name}`,
  matchFields: contentMatch.fields,
  matchValues: contentMatch.values,
  // A route with a blank match takes every web app: only WordPress ones are this one's.
  actions: { save: (out, app) => app.type === 'wordpress-php' && save(out, app) },
})
