import { sh, ShellText } from '../../core/escape'
import type { Commands } from '../script'

/**
 * The shell both web server backends run (spec 6.5, with 15.5's fixes): a site's file is
 * replaced only when it changed, the server's own checker reads the whole configuration
 * before it counts, and a file it refuses is rolled back, so one bad site never stops the
 * others from being reloaded.
 *
 * Reload coordination, simpler than the original's /dev/shm registry: every script that
 * changes a web server's configuration holds that server's lock (flock) from its prepare to
 * its end. So on one host only one such script runs at a time, whichever backend sent it
 * (websites or web apps), and each one checks and reloads for what it changed. A reload when
 * another script already reloaded costs nothing but a graceful restart.
 */

/** Where the locks live: under /var, never /run, so a test server's overlay holds them. */
export const LOCK_DIR = '/var/lib/orchestra/locks'

export interface WebServer {
  /** Named in messages: `Apache`, `nginx`. */
  label: string
  lockName: string
  /** Checks the whole configuration; prints why on failure. */
  test: ShellText
  /** Reloads gracefully; only run when the server is running. */
  reload: ShellText
  /**
   * Prints the pid file the configuration being reloaded names, as the server itself reads
   * it: another instance on the host (a test's, a container's) has a pid file of its own.
   */
  pidFile: ShellText
  /** The name the running master has (`/proc/<pid>/comm`), so a stale pid counts for none. */
  process: string
}

/**
 * The first `pid` directive of nginx's main context in `nginx -T` (each file of the dump
 * starts at its top level), quotes and `;` taken off; else the pid path nginx was built with.
 */
const NGINX_PID_AWK = String.raw`
/^# configuration file / { depth = 0; next }
{ sub(/#.*/, "") }
depth == 0 && /^[ \t]*pid[ \t]/ {
  sub(/^[ \t]*pid[ \t]+/, ""); sub(/[ \t]*;.*$/, ""); gsub(/^["']|["']$/, ""); print; exit
}
{ depth += gsub(/\{/, "{") - gsub(/\}/, "}") }
`

export function nginxPidFile(conf: string): ShellText {
  const named = sh`nginx -T -q -c ${conf} 2>/dev/null | awk ${NGINX_PID_AWK}`
  const built = sh`nginx -V 2>&1 | tr ' ' '\\n' | sed -n 's/^--pid-path=//p'`
  return sh`{ ${named}; ${built}; } | awk 'NR == 1'`
}

/** The pid file Apache's own dump of its run-time configuration names. */
export function apachePidFile(confDir: string): ShellText {
  const dump = sh`APACHE_CONFDIR=${confDir} apache2ctl -t -D DUMP_RUN_CFG 2>/dev/null`
  return sh`${dump} | sed -n 's/^PidFile: "\\(.*\\)"$/\\1/p'`
}

/** Takes the server's lock for the whole script and sets up the reload flag. */
export function lockAndFlag(out: Commands, server: WebServer) {
  const lock = `${LOCK_DIR}/${server.lockName}.lock`
  out.run(sh`install -d -m 0700 ${LOCK_DIR}`)
  out.run(sh`exec 9>${lock}`)
  const busy = `another change holds ${lock}: try again later`
  out.run(sh`flock -w 300 9 || { echo ${busy} >&2; exit 1; }`)
  out.run(new ShellText('reload_flag="$(mktemp -d)/reload"'))
}

/**
 * Sets `running` to yes when the pid file the configuration names holds a live process of the
 * server's name, else to no.
 */
export function checkRunning(server: Pick<WebServer, 'pidFile' | 'process'>): ShellText {
  const comm = new ShellText('"$(cat "/proc/$pid/comm" 2>/dev/null)"')
  return sh`pid_file=$(${server.pidFile}) || pid_file=''
pid=''; if [ -n "$pid_file" ] && [ -s "$pid_file" ]; then
  pid=$(head -c 32 "$pid_file" | tr -dc 0-9)
fi
running=no; if [ -n "$pid" ] && [ ${comm} = ${server.process} ]; then running=yes; fi`
}

/** Checks and reloads once, when a block asked for it; a stopped server is left stopped. */
export function reloadIfFlagged(out: Commands, server: WebServer) {
  const skipped = `${server.label} is not running here: reload skipped`
  out.run(new ShellText('if [ -e "$reload_flag" ]; then'))
  out.run(sh`  if ! output=$(${server.test} 2>&1); then printf '%s\\n' "$output" >&2; exit 1; fi`)
  out.run(sh`  ${checkRunning(server)}`)
  out.run(sh`  if [ "$running" = yes ]; then ${server.reload}`)
  out.run(sh`  else echo ${skipped} >&2; fi`)
  out.run(new ShellText('fi'))
  out.run(new ShellText('rm -rf "${reload_flag%/*}"'))
}

export const FLAG = new ShellText('touch "$reload_flag"')

export interface SiteFiles {
  /** `<conf>/sites-available/<unique>.conf`. */
  file: string
  /** What says it is enabled: `<conf>/sites-enabled/<unique>.conf`. */
  enabledLink: string
  enable: ShellText
  disable: ShellText
  /** Folders the configuration needs (log folders). */
  dirs: string[]
}

function setEnabled(out: Commands, site: SiteFiles, enabled: boolean) {
  const link = site.enabledLink
  if (enabled) out.run(sh`if [ ! -e ${link} ]; then ${site.enable}; ${FLAG}; fi`)
  // A link whose file is gone still counts: -L sees it where -e does not.
  else out.run(sh`if [ -e ${link} ] || [ -L ${link} ]; then ${site.disable}; ${FLAG}; fi`)
}

/**
 * Writes a site's file when it changed, enables or disables it, and has the server check the
 * result; when it refuses, the file and the enabled state go back to what they were.
 */
export function installSite(
  out: Commands,
  server: WebServer,
  site: SiteFiles,
  content: string,
  active: boolean,
) {
  const temporary = `${site.file}.orchestra-tmp`
  const previous = `${site.file}.orchestra-previous`
  const available = site.file.slice(0, site.file.lastIndexOf('/'))
  out.run(sh`install -d -m 0755 ${[available, ...site.dirs]}`)
  out.run(sh`printf '%s' ${content} > ${temporary}`)
  out.run(sh`had_file=no; changed=no; was_enabled=no`)
  out.run(sh`if [ -e ${site.enabledLink} ]; then was_enabled=yes; fi`)
  out.run(sh`if cmp -s ${temporary} ${site.file}; then rm -f ${temporary}; else`)
  out.run(sh`  if [ -e ${site.file} ]; then had_file=yes; cp -p ${site.file} ${previous}; fi`)
  out.run(sh`  chmod 0644 ${temporary}; mv -f ${temporary} ${site.file}; changed=yes; ${FLAG}`)
  out.run(new ShellText('fi'))
  setEnabled(out, site, active)

  const refused = `${server.label} refused ${site.file}: the previous configuration is kept`
  out.run(sh`if ! output=$(${server.test} 2>&1); then`)
  out.run(sh`  printf '%s\\n' "$output" >&2`)
  out.run(
    sh`  if [ "$changed" = yes ] && [ "$had_file" = yes ]; then mv -f ${previous} ${site.file}`,
  )
  out.run(sh`  elif [ "$changed" = yes ]; then rm -f ${site.file}; fi`)
  out.run(sh`  if [ "$was_enabled" = yes ]; then ${site.enable}; else ${site.disable}; fi`)
  out.run(sh`  echo ${refused} >&2`)
  out.run(sh`  exit 1`)
  out.run(new ShellText('fi'))
  out.run(sh`rm -f ${previous}`)
}

/** Disables a site and keeps its file: a site without a server name, or never written. */
export function disableSite(out: Commands, site: SiteFiles) {
  setEnabled(out, site, false)
}

/** Disables a site, removes its file and its logs (spec 15.4). */
export function removeSite(out: Commands, site: SiteFiles, logs: readonly string[]) {
  setEnabled(out, site, false)
  out.run(sh`rm -f ${site.file} ${`${site.file}.orchestra-previous`}`)
  for (const log of logs) out.run(sh`rm -f ${log} ${log}.[0-9]*`)
}

/** A message a block prints on its error output, and stops when it is an error. */
export function report(out: Commands, errors: readonly string[], warnings: readonly string[]) {
  for (const warning of warnings) out.run(sh`printf 'warning: %s\\n' ${warning} >&2`)
  for (const error of errors) out.run(sh`printf '%s\\n' ${error} >&2`)
  if (errors.length) out.run(new ShellText('exit 1'))
}
