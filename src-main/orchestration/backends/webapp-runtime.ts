import type { Tx } from '../../db/store'
import { loadWebappObject, type WebappObject } from './webapp-objects'

/**
 * What a web server needs to know about a web app to serve it (spec 5 and 6.5): the web app
 * backends own how it runs, the website backends only mount it. Both sides read this shape, so
 * neither reaches into the other's tables or settings.
 */

/** How the app's code runs, and where the web server hands requests to it. */
export type WebappRuntime =
  /** Files only: the web server serves them and runs nothing. */
  | { kind: 'static' }
  /** A PHP-FPM pool: `listen` is `unix:<socket path>` or `<host>:<port>`. */
  | { kind: 'fpm'; listen: string; phpVersion: string }
  /** A mod_fcgid wrapper script, run by Apache through suEXEC. */
  | {
      kind: 'fcgid'
      wrapper: string
      phpVersion: string
      /**
       * The Apache file holding this wrapper's FcgidCmdOptions (processes and timeouts): the
       * server configuration must include it (`IncludeOptional <folder>/*.conf`).
       */
      cmdOptionsFile: string
    }
  /** A uWSGI vassal listening on a UNIX socket. */
  | { kind: 'uwsgi'; socket: string }

export interface ServedWebapp {
  id: number
  name: string
  type: string
  accountId: number
  /** The account's main system user, owner of the files; PHP runs as its CGI user. */
  user: string
  group: string
  home: string
  /**
   * Who the code runs as: the account's CGI user when it has one, else the main user. A
   * FastCGI wrapper runs under suEXEC as this user and group (SuexecUserGroup).
   */
  runAs: string
  runAsGroup: string
  /** The app's folder, e.g. /home/ana/webapps/blog. */
  appDir: string
  /** What is served: the folder, or its public-root under it. Absolute, normalised. */
  documentRoot: string
  runtime: WebappRuntime
  /**
   * Folders under `documentRoot` (relative, no leading slash) where a CMS stores uploaded
   * files: the web server runs no script there.
   */
  uploadDirs: string[]
  /**
   * The app's request time limit in seconds (its `timeout` option), which the web server's
   * proxy and FastCGI timeouts follow; null leaves the server's default.
   */
  timeoutSeconds: number | null
}

/** The served shape of one loaded web app. */
export function servedWebapp(app: WebappObject): ServedWebapp {
  return {
    id: app.id,
    name: app.name,
    type: app.type,
    accountId: app.accountId,
    user: app.user,
    group: app.group,
    home: app.home,
    runAs: app.runAs,
    runAsGroup: app.runAsGroup,
    appDir: app.appDir,
    documentRoot: app.documentRoot,
    runtime: runtimeOf(app),
    uploadDirs: app.uploadDirs,
    timeoutSeconds: app.php?.timeouts.limit ?? app.python?.harakiri ?? null,
  }
}

function runtimeOf(app: WebappObject): WebappRuntime {
  if (app.php?.files.kind === 'fpm') {
    const { listen } = app.php.files
    return {
      kind: 'fpm',
      listen: listen.startsWith('/') ? `unix:${listen}` : listen,
      phpVersion: app.php.runtime.number,
    }
  }
  if (app.php?.files.kind === 'cgi') {
    return {
      kind: 'fcgid',
      wrapper: app.php.files.wrapper,
      phpVersion: app.php.runtime.number,
      cmdOptionsFile: app.php.files.cmdOptions,
    }
  }
  if (app.python) return { kind: 'uwsgi', socket: app.python.files.socket }
  return { kind: 'static' }
}

/** The served shape of each web app asked for, by id (missing ids are left out). */
export async function loadServedWebapps(
  tx: Tx,
  ids: readonly number[],
): Promise<Map<number, ServedWebapp>> {
  const served = new Map<number, ServedWebapp>()
  for (const id of new Set(ids)) {
    const app = await loadWebappObject(tx, id)
    if (app) served.set(id, servedWebapp(app))
  }
  return served
}
