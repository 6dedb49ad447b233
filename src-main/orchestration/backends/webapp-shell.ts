import { posix } from 'node:path'
import { sh, ShellText } from '../../core/escape'
import type { Commands } from '../script'
import type { StaleFile, WebappObject } from './webapp-objects'
import { apachePidFile, checkRunning, LOCK_DIR } from './web-server-scripts'

/**
 * The shell steps the web app backends share. A block asks the commit for a reload by
 * writing a file in `$webapp_flags` (made by `prepareFlags`): blocks run in subshells, so a
 * variable would not reach the commit.
 */

export function prepareFlags(out: Commands) {
  out.run(new ShellText('webapp_flags="$(mktemp -d)"'))
}

/**
 * Takes the Apache lock the website backends take (web-server-scripts.ts) for the whole
 * script: a wrapper's FcgidCmdOptions are Apache configuration, and its reload must not run
 * while a website script checks or swaps its own files.
 */
export function lockApache(out: Commands) {
  const lock = `${LOCK_DIR}/apache2.lock`
  out.run(sh`install -d -m 0700 ${LOCK_DIR}`)
  out.run(sh`exec 9>${lock}`)
  const busy = `another change holds ${lock}: try again later`
  out.run(sh`flock -w 300 9 || { echo ${busy} >&2; exit 1; }`)
}

const apacheFlag = new ShellText('touch "$webapp_flags/apache"')

/** Asks the commit to reload one PHP version's FPM, with the command of the setting. */
function fpmFlag(number: string, command: string): ShellText {
  const binary = `php-fpm${number}`
  const script = [
    `if pgrep -x ${binary} >/dev/null 2>&1; then`,
    `  ${command}`,
    `else echo ${sh`${`PHP-FPM ${number} is not running here: reload skipped`}`.text}; fi`,
  ].join('\n')
  return sh`printf '%s\\n' ${script} > "$webapp_flags/fpm-${number}"`
}

export function flagFor(reload: StaleFile['reload']): ShellText | undefined {
  if (!reload) return undefined
  return reload.kind === 'apache' ? apacheFlag : fpmFlag(reload.number, reload.command)
}

/**
 * Runs the reloads the blocks asked for, once each: PHP-FPM of each version, then Apache
 * after a configuration test. A daemon that is not running (a server being prepared, a test
 * server) is skipped and said so.
 */
export function commitReloads(out: Commands) {
  out.run(
    new ShellText(
      [
        'for flag in "$webapp_flags"/fpm-*; do',
        '  if [ -e "$flag" ]; then bash "$flag" || exit_code=$?; fi',
        'done',
        'if [ -e "$webapp_flags/apache" ]; then',
        checkRunning({ pidFile: apachePidFile('/etc/apache2'), process: 'apache2' }).text,
        '  if [ "$running" = yes ]; then',
        '    apache2ctl configtest && apache2ctl graceful || exit_code=$?',
        '  else echo "Apache is not running here: reload skipped"; fi',
        'fi',
        'rm -rf "$webapp_flags"',
        'exit "${exit_code:-0}"',
      ].join('\n'),
    ),
  )
}

export interface PutFile {
  path: string
  content: string
  mode: string
  owner: string
  /** Run with the new file in place; on failure the previous one comes back. */
  check?: ShellText
  /** What to ask of the commit when the file changed. */
  onChange?: ShellText
}

/**
 * Writes a file only when its content differs. The new content is made beside the folder,
 * owned and moded there, and renamed into place: a rename replaces a link an app user may
 * have put at the path instead of following it. With a check, the previous file is kept
 * until the check passes, and put back when it fails (spec 15.5).
 */
export function putFile(out: Commands, file: PutFile) {
  const { path, content, mode, owner } = file
  const parent = posix.dirname(posix.dirname(path))
  out.run(sh`tmp=$(mktemp -p ${parent})`)
  out.run(sh`printf '%s' ${content} > "$tmp"`)
  out.run(sh`if cmp -s "$tmp" ${path}; then rm -f "$tmp"; else`)
  out.run(sh`  chmod ${mode} "$tmp" && chown ${owner} "$tmp"`)
  if (file.check) {
    out.run(sh`  if [ -e ${path} ]; then cp -pP ${path} "$tmp.old"; fi`)
    out.run(sh`  mv -fT "$tmp" ${path}`)
    out.run(sh`  if ! check_output=$(${file.check} 2>&1); then`)
    out.run(sh`    if [ -e "$tmp.old" ]; then mv -fT "$tmp.old" ${path}; else rm -f ${path}; fi`)
    out.run(sh`    printf '%s\\n' "$check_output" >&2`)
    out.run(sh`    exit 1`)
    out.run(sh`  fi`)
    out.run(sh`  rm -f "$tmp.old"`)
  } else {
    out.run(sh`  mv -fT "$tmp" ${path}`)
  }
  if (file.onChange) out.run(file.onChange)
  out.run(sh`fi`)
}

/** Removes files that may be absent, asking for the reload each needs when one was there. */
export function removeFiles(out: Commands, files: readonly StaleFile[]) {
  for (const file of files) {
    const flag = flagFor(file.reload)
    out.run(sh`if [ -e ${file.path} ] || [ -L ${file.path} ]; then`)
    out.run(sh`  rm -f ${file.path}`)
    if (flag) out.run(flag)
    out.run(sh`fi`)
  }
}

/** Runs a command as the app's main user: what it creates is the user's, where it may. */
export const asUser = (app: WebappObject, command: ShellText) =>
  sh`runuser -u ${app.user} -- ${command}`

/**
 * Creates the app's folder (spec 5.5) as the main user, so a link the user put on the way
 * leads nowhere the user could not go anyway; under construction, a stock page is copied in.
 */
export function createDir(out: Commands, app: WebappObject) {
  out.run(sh`if [ ! -e ${app.appDir} ] && [ ! -L ${app.appDir} ]; then`)
  out.run(sh`  ${asUser(app, sh`mkdir -p -m 0750 -- ${app.appDir}`)}`)
  if (app.underConstruction) {
    const page = app.underConstruction
    out.run(sh`  if [ -f ${page} ]; then`)
    out.run(sh`    ${asUser(app, sh`cp -- ${page} ${app.appDir}/`)}`)
    out.run(sh`  fi`)
  }
  out.run(sh`fi`)
  if (app.documentRoot !== app.appDir) {
    out.run(sh`${asUser(app, sh`mkdir -p -m 0750 -- ${app.documentRoot}`)}`)
  }
}

/**
 * The folders where a CMS stores uploads: the CGI user writes there (its group, setgid so
 * files keep it) and nowhere else in the app; the web server runs no script there.
 */
export function uploadDirs(out: Commands, app: WebappObject) {
  for (const dir of app.uploadDirs) {
    const path = `${app.documentRoot}/${dir}`
    out.run(sh`${asUser(app, sh`mkdir -p -m 0750 -- ${path}`)}`)
    if (app.runAs !== app.user) {
      out.run(sh`${asUser(app, sh`chgrp -- ${app.runAsGroup} ${path}`)}`)
      out.run(sh`${asUser(app, sh`chmod 2770 -- ${path}`)}`)
    }
  }
}

/**
 * TODO(#6): the app's PHP and uWSGI logs are not removed with it (spec 15.4): where they go
 * is the web server's and the setting's (WEBAPPS_PHP_ERROR_LOG_PATH) business, not tracked.
 *
 * Removes the folder as the main user, then as root what the user could not (folders the CGI
 * user made in an upload dir), or moves it aside (spec 5.5). Root acts on the real path only
 * when it lies in the home: a link the user put on the way must not send it elsewhere.
 */
export function deleteDir(out: Commands, app: WebappObject) {
  const { appDir, home } = app
  const refusal = `${appDir} leads out of ${home}: left in place`
  out.run(sh`if [ -e ${appDir} ] || [ -L ${appDir} ]; then`)
  if (!app.moveOnDelete) {
    out.run(sh`  ${asUser(app, sh`rm -rf -- ${appDir}`)} 2>/dev/null || true`)
  }
  out.run(sh`  if [ -e ${appDir} ] || [ -L ${appDir} ]; then
    real=$(realpath -e -- ${appDir}) || real=${appDir}
    case "$real" in
      ${home}/*) ;;
      *) echo ${refusal} >&2; exit 1 ;;
    esac`)
  if (app.moveOnDelete) {
    out.run(sh`    target=${app.moveOnDelete}
    if [ -e "$target" ]; then target="$target.$(date +%Y%m%d%H%M%S)"; fi
    mkdir -p -- "\${target%/*}" && mv -T -- ${appDir} "$target"`)
  } else {
    out.run(sh`    rm -rf -- "$real"`)
  }
  out.run(sh`  fi`)
  out.run(sh`fi`)
}
