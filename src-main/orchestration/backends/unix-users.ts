import { eq } from 'drizzle-orm'
import { baseHome } from '../../../src-shared/schemas/system-user-settings'
import { joinHome, type SystemUserRole } from '../../../src-shared/schemas/system-users'
import { Secret, sh, ShellText } from '../../core/escape'
import { settingValue } from '../../data/settings'
import { accountUsers, groupIdsOf, ownHome, type SystemUserRecord } from '../../data/system-users'
import { accounts, systemUsers } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineBackend } from '../backend'
import type { Commands } from '../script'

/** What the server needs of one system user, read when the script is written. */
export interface UnixUser {
  id: number
  username: string
  role: SystemUserRole
  accountId: number
  /** The account's main user: same name as the account. */
  mainUser: string
  shell: string
  /** Its own base home (for the CGI user, the main user's). */
  baseHome: string
  mainHome: string
  /** Where it lands: home and directory. */
  home: string
  /** The crypt hash; empty when no password was ever set. */
  passwordHash: string
  /** Its own flag and its account's. */
  active: boolean
  /** The users whose groups it joins, by name. */
  groups: string[]
  /** Server users added to its group (SYSTEMUSERS_DEFAULT_GROUP_MEMBERS). */
  groupMembers: string[]
  /** Where its home goes on delete; empty removes it. */
  archiveTo: string
}

/**
 * Its supplementary groups as the server sees them (spec 3.4, 14.34): the main user joins
 * every other user's group of the account; the CGI user and a user living in the main
 * user's home join the main user's group, which reads but never writes (its home is 0750).
 */
function supplementary(row: SystemUserRecord, users: SystemUserRecord[], groups: number[]) {
  const others = users.filter((user) => user.id !== row.id)
  if (row.role === 'main') return others.map((user) => user.username)
  const main = users.find((user) => user.role === 'main')?.username
  const named = others.filter((user) => groups.includes(user.id)).map((user) => user.username)
  const needsMain = row.role === 'cgi' || row.home !== ''
  return [...new Set([...named, ...(needsMain && main ? [main] : [])])]
}

export async function loadUnixUser(tx: Tx, id: number): Promise<UnixUser | undefined> {
  const [row] = await tx.select().from(systemUsers).where(eq(systemUsers.id, id))
  if (!row) return undefined
  const [account] = await tx
    .select({ username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, row.accountId))
  if (!account) return undefined
  const template = await settingValue(tx, 'SYSTEMUSERS_HOME')
  const archive = await settingValue(tx, 'SYSTEMUSERS_MOVE_ON_DELETE_PATH')
  const own = ownHome(template, row, account.username)
  const users = await accountUsers(tx, row.accountId)
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    accountId: row.accountId,
    mainUser: account.username,
    shell: row.shell,
    baseHome: own,
    mainHome: baseHome(template, account.username),
    home: joinHome(row.home || own, row.directory),
    passwordHash: row.passwordHash,
    active: row.isActive && account.isActive,
    groups: supplementary(row, users, await groupIdsOf(tx, row.id)),
    groupMembers: await settingValue(tx, 'SYSTEMUSERS_DEFAULT_GROUP_MEMBERS'),
    archiveTo: archive ? baseHome(archive, row.username) : '',
  }
}

/** Whether the user owns the folder it lands in (its own base home), or lives in another's. */
export const ownsHome = (user: UnixUser) => user.role !== 'cgi' && user.home === user.baseHome

/**
 * `!` locks a password without losing it: enabling again restores exactly the hash. A user
 * without a password is locked as well; only `usermod -p` with a hash lets it log in.
 */
function passwordField(user: UnixUser): Secret {
  if (!user.passwordHash) return new Secret('!')
  return new Secret(user.active ? user.passwordHash : `!${user.passwordHash}`)
}

/** The groups of `names` that exist on the server, comma-joined into `$groups`. */
function existingGroups(out: Commands, names: readonly string[]) {
  out.run(new ShellText("groups=''"))
  if (!names.length) return
  out.run(
    sh`names=(${names})
for group in "\${names[@]}"; do
  if getent group "$group" >/dev/null; then groups="\${groups:+$groups,}$group"; fi
done`,
  )
}

/**
 * Runs a shadow tool keeping its stderr clean of one known warning: useradd and usermod warn
 * that `/dev/null` is no executable shell, which is the point of it (spec 3.3).
 */
function quietShell(out: Commands, command: ShellText) {
  out.run(sh`output=$(${command} 2>&1) || { printf '%s\\n' "$output" >&2; exit 1; }`)
  out.run(
    new ShellText(
      'if [ -n "$output" ]; then grep -v "non-executable shell" <<<"$output" >&2 || true; fi',
    ),
  )
}

function saveAccount(out: Commands, user: UnixUser) {
  const { username, home, shell } = user
  // An expired account refuses key logins too, not only passwords (spec 15.4).
  const expire = user.active ? '' : '1'
  const password = passwordField(user)
  out.run(sh`if getent passwd ${username} >/dev/null; then`)
  quietShell(out, sh`usermod -d ${home} -s ${shell} -p ${password} -e ${expire} ${username}`)
  out.run(sh`else`)
  out.run(sh`  if getent group ${username} >/dev/null; then primary=(-g ${username})`)
  out.run(sh`  else primary=(-U); fi`)
  quietShell(
    out,
    sh`useradd -M -d ${home} -s ${shell} -p ${password} -e ${expire} "\${primary[@]}" ${username}`,
  )
  out.run(sh`fi`)
  existingGroups(out, user.groups)
  out.run(sh`usermod -G "$groups" ${username}`)
}

function saveHome(out: Commands, user: UnixUser) {
  const { username, home } = user
  if (ownsHome(user)) {
    // 0750 on every save: no group member (the CGI user among them) may ever write here.
    out.run(sh`install -d -m 0750 -o ${username} -g ${username} ${home}`)
    out.run(
      sh`for entry in /etc/skel/.[!.]* /etc/skel/*; do
  [ -e "$entry" ] || continue
  target=${home}/"\${entry##*/}"
  if [ ! -e "$target" ]; then
    cp -a "$entry" "$target" && chown -R ${username}:${username} "$target"
  fi
done`,
    )
  } else if (user.home !== user.mainHome) {
    // A folder in the main user's home: the user's own, files keeping its group (setgid).
    // Default ACLs let the main user read and write whatever either of them creates there;
    // without setfacl the main user still reads it, as a member of the user's group.
    out.run(sh`if [ ! -d ${home} ]; then echo ${`${home} path does not exist.`} >&2; exit 1; fi`)
    if (user.role === 'extra') {
      const main = user.mainUser
      const acl = `u:${main}:rwx,d:u:${main}:rwx,d:u:${username}:rwx`
      // Changed from inside, as `.`: a link put in the path cannot send them elsewhere.
      out.run(
        sh`${insideFolder(user)}
chown ${username}:${username} .
chmod 2770 .
if command -v setfacl >/dev/null 2>&1; then
  setfacl -m ${acl} . || exit_code=$?
fi
cd /`,
      )
    }
  }
}

/**
 * Enters a user's folder in the main user's home, or fails. The main user owns that home and
 * may put a symbolic link anywhere on the way; run as root, a chown or chmod would follow it
 * to any folder of the server. Once entered, the real path must be the main home's own
 * followed by the folder: no link on the way.
 */
function insideFolder(user: UnixUser): ShellText {
  const { home, mainHome } = user
  const below = home.slice(mainHome.length)
  const refusal = `${home} is no folder of ${mainHome}: a symbolic link lies on the way`
  return sh`base=$(realpath -e -- ${mainHome})
if ! cd -P -- ${home} || [ "$(pwd -P)" != "$base"${below} ]; then
  echo ${refusal} >&2
  exit 1
fi`
}

function saveGroupMembers(out: Commands, user: UnixUser) {
  const members = [...user.groupMembers, ...(user.role === 'main' ? [] : [user.mainUser])]
  if (!members.length) return
  // Failures are recorded, not fatal: a missing www-data must not stop the user's save.
  out.run(
    sh`members=(${members})
for member in "\${members[@]}"; do
  if id -u "$member" >/dev/null 2>&1; then
    gpasswd -a "$member" ${user.username} >/dev/null || exit_code=$?
  fi
done`,
  )
}

/** A disabled user's sessions and processes end as well: a lock alone leaves them running. */
function stopProcesses(out: Commands, username: string) {
  out.run(
    sh`if pgrep -u ${username} >/dev/null 2>&1; then
  pkill -KILL -u ${username} || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do pgrep -u ${username} >/dev/null 2>&1 || break; sleep 0.2; done
fi`,
  )
}

function save(out: Commands, user: UnixUser) {
  out.run(new ShellText('exit_code=0'))
  saveAccount(out, user)
  saveHome(out, user)
  saveGroupMembers(out, user)
  if (!user.active) stopProcesses(out, user.username)
  out.run(new ShellText('exit "$exit_code"'))
}

function remove(out: Commands, user: UnixUser) {
  const { username, baseHome: home } = user
  out.run(sh`if getent passwd ${username} >/dev/null; then`)
  stopProcesses(out, username)
  // Emptied first: userdel keeps a group that still has members, and says so on stderr.
  out.run(sh`  if getent group ${username} >/dev/null; then gpasswd -M '' ${username}; fi`)
  out.run(sh`  userdel ${username}`)
  out.run(sh`fi`)
  out.run(sh`if getent group ${username} >/dev/null; then groupdel ${username}; fi`)
  if (ownsHome(user)) {
    if (user.archiveTo) {
      const archive = user.archiveTo
      out.run(sh`if [ -d ${home} ]; then
  archive=${archive}
  if [ -e "$archive" ]; then archive="$archive.$(date +%Y%m%d%H%M%S)"; fi
  mkdir -p "\${archive%/*}" && mv -- ${home} "$archive"
fi`)
    } else {
      out.run(sh`rm -rf -- ${home}`)
    }
  } else if (user.role === 'extra' && user.home !== user.mainHome) {
    // Its folder in the main home goes back to the main user, files and all.
    const main = user.mainUser
    out.run(sh`if [ -d ${user.home} ] && id -u ${main} >/dev/null 2>&1; then
  ${insideFolder(user)}
  chown -R ${main}:${main} .
  cd /
fi`)
  }
}

/**
 * The UNIX user backend (spec 3.4): accounts, groups and homes with the shadow tools.
 *
 * TODO(#5): set_permission (ACL grant and revoke under an account's homes) and create_link are
 * not written yet: both need a form of their own and inputs beyond the user object.
 * TODO(#5): suspension locks, expires and kills, but leaves the user's crontab in place.
 * TODO(#7): no disk or traffic monitors (du of the home, vsftpd and exim logs) yet: the usage
 * they report is the metric billing reads.
 */
export const unixUserBackend = defineBackend<UnixUser>({
  id: 'unix-user',
  label: 'UNIX user',
  description:
    'Creates, locks and removes the system users with useradd, usermod and userdel; ' +
    'homes are 0750 and the main user joins every group of its account.',
  model: 'systemUser',
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'true',
  docSettings: ['SYSTEMUSERS_HOME', 'SYSTEMUSERS_DEFAULT_GROUP_MEMBERS'],
  executable: '/bin/bash',
  timeoutMs: 120_000,
  load: loadUnixUser,
  repr: (user) => user.username,
  matchFields: {
    id: 'int',
    username: 'string',
    role: 'string',
    shell: 'string',
    accountId: 'int',
    active: 'bool',
  },
  matchValues: (user) => ({
    id: user.id,
    username: user.username,
    role: user.role,
    shell: user.shell,
    accountId: user.accountId,
    active: user.active,
  }),
  actions: { save, delete: remove },
})
