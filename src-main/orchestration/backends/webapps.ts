import { posix } from 'node:path'
import { sh } from '../../core/escape'
import type { AnyBackend } from '../backend'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { wordpressBackend } from './webapp-wordpress'
import { loadWebappObject, systemUserRelation, type WebappObject } from './webapp-objects'
import { renderCmdOptions, renderPool, renderVassal, renderWrapper } from './webapp-render'
import {
  asUser,
  commitReloads,
  createDir,
  deleteDir,
  flagFor,
  lockApache,
  prepareFlags,
  putFile,
  removeFiles,
  uploadDirs,
} from './webapp-shell'

type FpmApp = Parameters<typeof renderPool>[0]
type CgiApp = Parameters<typeof renderWrapper>[0]
type PythonApp = Parameters<typeof renderVassal>[0]

/**
 * A route with a blank match takes every web app, so each backend acts on its own types only.
 */
const isStatic = (app: WebappObject) => app.type === 'static' || app.type === 'webalizer'
const isFpm = (app: WebappObject): app is FpmApp => app.php?.files.kind === 'fpm'
const isCgi = (app: WebappObject): app is CgiApp => app.php?.files.kind === 'cgi'

/** The pool, checked by the version's own php-fpm with the whole configuration. */
function savePool(out: Commands, app: FpmApp) {
  const { runtime, files, reloadCommand } = app.php
  putFile(out, {
    path: files.pool,
    content: renderPool(app),
    mode: '0644',
    owner: 'root:root',
    check: sh`if command -v ${`php-fpm${runtime.number}`} >/dev/null 2>&1; then
    ${`php-fpm${runtime.number}`} -t
  fi`,
    onChange: flagFor({ kind: 'fpm', number: runtime.number, command: reloadCommand }),
  })
}

/**
 * The wrapper and its folder belong to the user it runs as, mode 0550: suEXEC runs nothing
 * owned by anyone else.
 * TODO(#6): being their owner, the CGI user's code can chmod them back and rewrite the
 * wrapper, and so its own ini values (disable_functions among them); suEXEC leaves no owner
 * but the target user, so closing this needs a wrapper outside suEXEC (FPM has no such gap).
 */
function saveWrapper(out: Commands, app: CgiApp) {
  const { files, runtime } = app.php
  const folder = posix.dirname(files.wrapper)
  const owner = `${app.runAs}:${app.runAsGroup}`
  out.run(sh`install -d -m 0755 ${posix.dirname(folder)}`)
  out.run(sh`install -d -m 0550 -o ${app.runAs} -g ${app.runAsGroup} ${folder}`)
  const binary = `php-cgi${runtime.number}`
  putFile(out, {
    path: files.wrapper,
    content: renderWrapper(app),
    mode: '0550',
    owner,
    // Running processes keep the old values until they are told to start again.
    onChange: sh`  pkill -HUP -u ${app.runAs} -x ${binary} || true`,
  })
  out.run(sh`install -d -m 0755 ${posix.dirname(files.cmdOptions)}`)
  putFile(out, {
    path: files.cmdOptions,
    content: renderCmdOptions(app),
    mode: '0644',
    owner: 'root:root',
    onChange: flagFor({ kind: 'apache' }),
  })
}

function savePhp(out: Commands, app: WebappObject) {
  if (app.active && isFpm(app)) savePool(out, app)
  if (app.active && isCgi(app)) saveWrapper(out, app)
  removeFiles(out, app.staleFiles)
}

/** The app's folder, or for a symbolic-link app the link, made as the main user. */
function saveFolder(out: Commands, app: WebappObject) {
  if (app.type === 'symbolic-link') {
    out.run(sh`if [ ! -e ${app.appDir} ] && [ ! -L ${app.appDir} ]; then`)
    out.run(sh`  ${asUser(app, sh`mkdir -p -- ${posix.dirname(app.appDir)}`)}`)
    out.run(sh`  ${asUser(app, sh`ln -s -- ${app.linkTarget} ${app.appDir}`)}`)
    out.run(sh`fi`)
    return
  }
  createDir(out, app)
  uploadDirs(out, app)
}

function removeFolder(out: Commands, app: WebappObject) {
  if (app.type === 'symbolic-link') {
    // Only the link: what it points to is the user's and stays.
    out.run(sh`${asUser(app, sh`rm -f -- ${app.appDir}`)}`)
    return
  }
  deleteDir(out, app)
}

const matchFields = { id: 'int', name: 'string', type: 'string', accountId: 'int' } as const
const matchValues = (app: WebappObject) => ({
  id: app.id,
  name: app.name,
  type: app.type,
  accountId: app.accountId,
})

const common = {
  model: 'webapp',
  declaredActions: ['save', 'delete'],
  executable: '/bin/bash',
  timeoutMs: 120_000,
  load: loadWebappObject,
  repr: (app: WebappObject) => `${app.user}/${app.name}`,
  matchFields,
  matchValues,
} as const

/** PHP through PHP-FPM pools or mod_fcgid wrappers, by the app's version key (spec 5.5). */
export const phpWebappBackend = defineBackend<WebappObject>({
  ...common,
  id: 'webapp-php',
  label: 'PHP web app',
  related: [systemUserRelation],
  description:
    'Creates the folder of a PHP, symbolic-link or CMS app and writes its PHP-FPM pool ' +
    '(checked with php-fpm -t) or FastCGI wrapper; removes those of other versions.',
  defaultRouteMatch: 'instance.type.endsWith("php") || instance.type == "symbolic-link"',
  docSettings: ['WEBAPPS_PHP_VERSIONS', 'WEBAPPS_PHPFPM_POOL_PATH', 'WEBAPPS_FCGID_WRAPPER_PATH'],
  prepare(out) {
    lockApache(out)
    prepareFlags(out)
  },
  actions: {
    save(out, app) {
      if (!app.php) return
      // A CMS app's folder is the installer's (it refuses a folder already filled).
      // TODO(#6): Moodle has no installer yet (its release is scraped from a web page and its
      // CLI installer needs a live database): its app gets the folder and moodledata only.
      if (app.type !== 'wordpress-php') saveFolder(out, app)
      savePhp(out, app)
    },
    delete(out, app) {
      if (!app.php) return
      removeFiles(out, app.ownFiles)
      if (app.type !== 'wordpress-php') removeFolder(out, app)
    },
  },
  commit: commitReloads,
})

/** Static files and the Webalizer folder: only the folder (spec 5.5). */
export const staticWebappBackend = defineBackend<WebappObject>({
  ...common,
  id: 'webapp-static',
  label: 'Static web app',
  description: 'Creates and removes the folder of a static or Webalizer web app.',
  defaultRouteMatch: 'instance.type == "static" || instance.type == "webalizer"',
  actions: {
    save: (out, app) => isStatic(app) && createDir(out, app),
    delete: (out, app) => isStatic(app) && deleteDir(out, app),
  },
})

/**
 * A Python app as a uWSGI vassal in emperor mode (spec 5.5). The emperor watches
 * `<WEBAPPS_UWSGI_BASE_DIR>/vassals`: a new or changed file starts or restarts the app, a
 * removed one stops it, so no reload is needed.
 */
export const pythonWebappBackend = defineBackend<WebappObject>({
  ...common,
  id: 'webapp-uwsgi',
  label: 'Python web app (uWSGI)',
  related: [systemUserRelation],
  description:
    'Creates the folder of a Python app and writes its uWSGI vassal, running as the CGI ' +
    'user on a socket only the web server reaches.',
  defaultRouteMatch: 'instance.type == "python"',
  actions: {
    save(out, app) {
      if (!app.python) return
      createDir(out, app)
      if (app.active) {
        const python = app as PythonApp
        const socketDir = posix.dirname(python.python.files.socket)
        out.run(sh`install -d -m 0750 -o ${app.runAs} -g www-data ${socketDir}`)
        out.run(sh`install -d -m 0755 ${posix.dirname(python.python.files.vassal)}`)
        putFile(out, {
          path: python.python.files.vassal,
          content: renderVassal(python),
          mode: '0644',
          owner: 'root:root',
        })
      }
      removeFiles(out, app.staleFiles)
    },
    delete(out, app) {
      if (!app.python) return
      removeFiles(out, app.ownFiles)
      deleteDir(out, app)
    },
  },
})

/** Web apps (spec 5): the area's backends. */
export const WEBAPP_BACKENDS: readonly AnyBackend[] = [
  staticWebappBackend,
  wordpressBackend,
  phpWebappBackend,
  pythonWebappBackend,
]
