import { sh } from '../../core/escape'
import { settingValue } from '../../data/settings'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { renderApacheSite } from './apache-vhost'
import {
  apachePidFile,
  disableSite,
  installSite,
  lockAndFlag,
  reloadIfFlagged,
  removeSite,
  report,
  type SiteFiles,
  type WebServer,
} from './web-server-scripts'
import { loadWebsiteObject, websiteMatch, type WebsiteObject } from './website-objects'
import { WEBSITE_RELATED } from './website-related'

/** Apache's configuration folder for one script, read once for prepare and commit. */
interface ApacheShared {
  confDir: string
}

/** Apache's tools, pointed at the configured folder (a2ensite and apache2ctl read it). */
export function apacheServer(confDir: string): WebServer {
  return {
    label: 'Apache',
    lockName: 'apache2',
    test: sh`APACHE_CONFDIR=${confDir} apache2ctl -t`,
    reload: sh`APACHE_CONFDIR=${confDir} apache2ctl graceful`,
    pidFile: apachePidFile(confDir),
    process: 'apache2',
  }
}

function siteFiles(site: WebsiteObject): SiteFiles {
  const { confDir } = site.apache
  const name = site.uniqueName
  const dirs = [site.apache.accessLog, site.apache.errorLog]
    .filter(Boolean)
    .map((path) => path.slice(0, path.lastIndexOf('/')))
  return {
    file: `${confDir}/sites-available/${name}.conf`,
    enabledLink: `${confDir}/sites-enabled/${name}.conf`,
    enable: sh`APACHE_CONFDIR=${confDir} a2ensite -q ${name}`,
    disable: sh`APACHE_CONFDIR=${confDir} a2dissite -q ${name}`,
    dirs: [...new Set(dirs)],
  }
}

function save(out: Commands, site: WebsiteObject) {
  const rendered = renderApacheSite(site)
  report(out, rendered.errors, rendered.warnings)
  if (rendered.errors.length) return
  // Spec 6.5: a site without a non-wildcard domain is never written, and is disabled.
  if (!site.serverName) return disableSite(out, siteFiles(site))
  installSite(out, apacheServer(site.apache.confDir), siteFiles(site), rendered.config, site.active)
}

function remove(out: Commands, site: WebsiteObject) {
  removeSite(out, siteFiles(site), [site.apache.accessLog, site.apache.errorLog].filter(Boolean))
}

export const apacheWebsiteBackend = defineBackend<WebsiteObject, ApacheShared>({
  id: 'apache2-website',
  label: 'Apache 2 website',
  description:
    'Writes <conf>/sites-available/<unique name>.conf with a virtual host per protocol, ' +
    'enables it with a2ensite once apache2ctl -t accepts it, and reloads Apache gracefully.',
  model: 'website',
  related: WEBSITE_RELATED,
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'true',
  docSettings: [
    'WEBSITES_BASE_APACHE_CONF',
    'WEBSITES_UNIQUE_NAME_FORMAT',
    'WEBSITES_WEBSITE_WWW_ACCESS_LOG_PATH',
    'WEBSITES_DEFAULT_IPS',
  ],
  executable: '/bin/bash',
  timeoutMs: 600_000,
  load: loadWebsiteObject,
  repr: (site) => site.name,
  matchFields: websiteMatch.fields,
  matchValues: websiteMatch.values,
  loadShared: async (tx) => ({ confDir: await settingValue(tx, 'WEBSITES_BASE_APACHE_CONF') }),
  prepare: (out, _server, shared) => lockAndFlag(out, apacheServer(shared!.confDir)),
  actions: { save, delete: remove },
  commit: (out, _server, shared) => reloadIfFlagged(out, apacheServer(shared!.confDir)),
})
