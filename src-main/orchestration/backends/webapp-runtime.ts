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
  | { kind: 'fcgid'; wrapper: string; phpVersion: string }
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

/**
 * The served shape of each web app asked for, by id (missing ids are left out).
 * TODO(#6): computed from the web app's type, options and settings once web apps land.
 */
export async function loadServedWebapps(
  _tx: import('../../db/store').Tx,
  _ids: readonly number[],
): Promise<Map<number, ServedWebapp>> {
  return new Map()
}
