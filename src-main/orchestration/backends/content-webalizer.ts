import { htmlText, sh, webalizerValue } from '../../core/escape'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { BANNER } from './apache-vhost'
import {
  contentMatch,
  contentRelated,
  loadContentApp,
  type ContentApp,
  type ContentMount,
} from './content-objects'
import { asUser, putFile } from './webapp-shell'

const PAGE_TYPES = ['htm*', 'cgi', 'php', 'shtml', 'pl']
/** Requests for these are counted as hits, not pages, and kept out of the top URLs. */
const HIDDEN_URLS = ['*.gif', '*.GIF', '*.jpg', '*.JPG', '*.jpeg', '*.png', '*.PNG', '*.ico']
const HIDDEN_ASSETS = ['*.css', '*.js', '*.svg', '*.webp', '*.woff2']
const SEARCH_ENGINES = [
  ['.google.', 'q='],
  ['bing.com', 'q='],
  ['duckduckgo.com', 'q='],
  ['yahoo.com', 'p='],
  ['yandex.', 'text='],
  ['baidu.com', 'wd='],
  ['ecosia.org', 'q='],
]

/** A site's statistics live in the app's folder, one folder per site (spec 6.6). */
export const outputDirOf = (app: ContentApp, mount: ContentMount) =>
  `${app.appDir}/${mount.websiteName}`

export const confOf = (app: ContentApp, mount: ContentMount) =>
  `${app.webalizerDir}/${mount.uniqueName}.conf`

/**
 * One site's Webalizer configuration: its Apache access log in common log format, an
 * incremental history (so a run per rotated log adds up), the site's name as the report's.
 * Relative names are Webalizer's own, under the output folder.
 */
export function webalizerConfig(app: ContentApp, mount: ContentMount): string {
  const line = (keyword: string, value: string) => `${keyword} ${webalizerValue(value)}`
  return [
    BANNER,
    line('LogFile', mount.accessLog),
    'LogType clf',
    line('OutputDir', outputDirOf(app, mount)),
    'HistoryName webalizer.hist',
    'Incremental yes',
    'IncrementalName webalizer.current',
    'ReportTitle Usage statistics for',
    line('HostName', mount.websiteName),
    ...PAGE_TYPES.map((type) => `PageType ${type}`),
    ...[...HIDDEN_URLS, ...HIDDEN_ASSETS].map((pattern) => `HideURL ${pattern}`),
    'DNSCache dns_cache.db',
    'DNSChildren 5',
    ...SEARCH_ENGINES.map(([host, query]) => `SearchEngine ${host} ${query}`),
    'Quiet yes',
    '',
  ].join('\n')
}

/** What a site's statistics folder shows until Webalizer first runs over its rotated log. */
export function placeholderPage(mount: ContentMount): string {
  const name = htmlText(mount.websiteName)
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><title>Statistics of ${name}</title></head>`,
    `<body><p>The statistics of ${name} appear here after its access log is next rotated.</p>`,
    '</body></html>',
    '',
  ].join('\n')
}

/** One site per statistics folder, however many paths of it mount the app. */
function sitesOf(app: ContentApp): ContentMount[] {
  return app.mounts.filter(
    (mount, index) => app.mounts.findIndex((m) => m.websiteId === mount.websiteId) === index,
  )
}

/**
 * The statistics folder, made by the main user (a link it put there leads nowhere it could
 * not go anyway), then given to www-data's group as the spec has it; -h so that a link put in
 * its place between the two changes only the link.
 */
function saveSite(out: Commands, app: ContentApp, mount: ContentMount) {
  const dir = outputDirOf(app, mount)
  out.run(sh`${asUser(app, sh`mkdir -p -m 0750 -- ${dir}`)}`)
  const writeOnce = '[ -e "$2" ] || printf "%s" "$1" > "$2"'
  const index = `${dir}/index.html`
  out.run(sh`${asUser(app, sh`sh -c ${writeOnce} sh ${placeholderPage(mount)} ${index}`)}`)
  out.run(sh`if [ -d ${dir} ] && [ ! -L ${dir} ]; then chgrp -h www-data ${dir}; fi`)
  putFile(out, {
    path: confOf(app, mount),
    content: webalizerConfig(app, mount),
    mode: '0644',
    owner: 'root:root',
  })
}

/**
 * Every configuration whose output folder is in this app's folder but that no current mount
 * wants: a site deleted or no longer mounting the app, a unique name changed. It goes, and so
 * does its folder unless a current mount writes there.
 */
function removeStale(out: Commands, app: ContentApp, wanted: readonly ContentMount[]) {
  const confs = wanted.map((mount) => confOf(app, mount))
  const dirs = wanted.map((mount) => outputDirOf(app, mount))
  const outputDir = 'sub(/^[ \\t]*OutputDir[ \\t]+/, ""); print; exit'
  out.run(sh`prefix=${app.appDir}; wanted_confs=(${confs}); wanted_dirs=(${dirs})`)
  out.run(sh`for conf in ${app.webalizerDir}/*.conf; do
  [ -f "$conf" ] || continue
  dir=$(awk ${`$1 == "OutputDir" { ${outputDir} }`} "$conf")
  case "$dir" in "$prefix"/?*) ;; *) continue ;; esac
  case " \${wanted_confs[*]-} " in *" $conf "*) continue ;; esac
  rm -f -- "$conf"
  case " \${wanted_dirs[*]-} " in *" $dir "*) continue ;; esac
  if id -u ${app.user} >/dev/null 2>&1; then ${asUser(app, sh`rm -rf -- "$dir"`)}; fi
done`)
}

function save(out: Commands, app: ContentApp) {
  const sites = sitesOf(app)
  out.run(sh`install -d -m 0755 ${app.webalizerDir}`)
  removeStale(out, app, sites)
  for (const mount of sites) saveSite(out, app, mount)
}

/**
 * Webalizer reports (spec 6.6): per site mounting a Webalizer app, a configuration in
 * WEBSITES_WEBALIZER_PATH and a statistics folder in the app, which the site serves at the
 * mount's path. The server's log rotation runs `webalizer -q -c <conf> <log>.1` for each.
 * TODO(#6): that hook is the server's and runs Webalizer as root in a folder the user owns,
 * where a link the user put would be followed; it should run as the user, the log on stdin.
 */
export const webalizerContentBackend = defineBackend<ContentApp>({
  id: 'webalizer-content',
  label: 'Webalizer content',
  description:
    'For each site mounting a Webalizer app: writes <WEBSITES_WEBALIZER_PATH>/<unique ' +
    'name>.conf and the site’s statistics folder in the app; removes those of sites gone.',
  model: 'webapp',
  related: contentRelated('webalizer'),
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'instance.type == "webalizer"',
  docSettings: ['WEBSITES_WEBALIZER_PATH', 'WEBSITES_WEBSITE_WWW_ACCESS_LOG_PATH'],
  executable: '/bin/bash',
  timeoutMs: 120_000,
  load: loadContentApp,
  repr: (app) => `${app.user}/${app.name}`,
  matchFields: contentMatch.fields,
  matchValues: contentMatch.values,
  // A route with a blank match takes every web app: only Webalizer ones are this one's.
  actions: {
    save: (out, app) => app.type === 'webalizer' && save(out, app),
    delete: (out, app) => app.type === 'webalizer' && removeStale(out, app, []),
  },
})
