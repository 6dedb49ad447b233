import { sh } from '../../core/escape'
import { settingValue } from '../../data/settings'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { renderNginxSite } from './nginx-server'
import {
  disableSite,
  installSite,
  lockAndFlag,
  nginxPidFile,
  reloadIfFlagged,
  removeSite,
  report,
  type SiteFiles,
  type WebServer,
} from './web-server-scripts'
import { loadWebsiteObject, websiteMatch, type WebsiteObject } from './website-objects'
import { WEBSITE_RELATED } from './website-related'

interface NginxShared {
  confDir: string
}

export function nginxServer(confDir: string): WebServer {
  return {
    label: 'nginx',
    lockName: 'nginx',
    test: sh`nginx -t -q -c ${`${confDir}/nginx.conf`}`,
    reload: sh`nginx -s reload -c ${`${confDir}/nginx.conf`}`,
    pidFile: nginxPidFile(`${confDir}/nginx.conf`),
    process: 'nginx',
  }
}

function siteFiles(site: WebsiteObject): SiteFiles {
  const { confDir } = site.nginx
  const file = `${confDir}/sites-available/${site.uniqueName}.conf`
  const enabledLink = `${confDir}/sites-enabled/${site.uniqueName}.conf`
  const dirs = [site.nginx.accessLog, site.nginx.errorLog]
    .filter(Boolean)
    .map((path) => path.slice(0, path.lastIndexOf('/')))
  return {
    file,
    enabledLink,
    enable: sh`install -d -m 0755 ${`${confDir}/sites-enabled`} && ln -sfn ${file} ${enabledLink}`,
    disable: sh`rm -f ${enabledLink}`,
    dirs: [...new Set(dirs)],
  }
}

function save(out: Commands, site: WebsiteObject) {
  const rendered = renderNginxSite(site)
  report(out, rendered.errors, rendered.warnings)
  if (rendered.errors.length) return
  if (!site.serverName) return disableSite(out, siteFiles(site))
  installSite(out, nginxServer(site.nginx.confDir), siteFiles(site), rendered.config, site.active)
}

function remove(out: Commands, site: WebsiteObject) {
  removeSite(out, siteFiles(site), [site.nginx.accessLog, site.nginx.errorLog].filter(Boolean))
}

/**
 * The same websites served by nginx: sites-available plus a sites-enabled link, checked with
 * nginx -t before it counts. FCGID web apps are refused (nginx cannot run them).
 */
export const nginxWebsiteBackend = defineBackend<WebsiteObject, NginxShared>({
  id: 'nginx-website',
  label: 'nginx website',
  description:
    'Writes <conf>/sites-available/<unique name>.conf with a server block per protocol, ' +
    'links it into sites-enabled once nginx -t accepts it, and reloads nginx.',
  model: 'website',
  related: WEBSITE_RELATED,
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'true',
  docSettings: [
    'WEBSITES_BASE_NGINX_CONF',
    'WEBSITES_UNIQUE_NAME_FORMAT',
    'WEBSITES_NGINX_ACCESS_LOG_PATH',
    'WEBSITES_DEFAULT_IPS',
  ],
  executable: '/bin/bash',
  timeoutMs: 600_000,
  load: loadWebsiteObject,
  repr: (site) => site.name,
  matchFields: websiteMatch.fields,
  matchValues: websiteMatch.values,
  loadShared: async (tx) => ({ confDir: await settingValue(tx, 'WEBSITES_BASE_NGINX_CONF') }),
  prepare: (out, _server, shared) => lockAndFlag(out, nginxServer(shared!.confDir)),
  actions: { save, delete: remove },
  commit: (out, _server, shared) => reloadIfFlagged(out, nginxServer(shared!.confDir)),
})
