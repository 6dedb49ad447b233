import {
  joinSql,
  mysqlGrantDatabase,
  mysqlGrantPattern,
  mysqlIdentifier,
  mysqlSql,
  Secret,
  sh,
  ShellText,
  sqlIdentifier,
  sqlShellWord,
  SqlText,
} from '../../core/escape'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import {
  databaseMatch,
  loadDatabase,
  loadUser,
  MYSQL_DEFAULTS_FILE,
  userMatch,
  type DatabaseObject,
  type UserObject,
} from './sql-objects'

/**
 * MySQL/MariaDB (spec 4.3), through GRANT, REVOKE and CREATE/ALTER/DROP USER only: the grant
 * tables are never edited (spec 15.3), so no FLUSH PRIVILEGES is needed either.
 */

/** The host part of every account and grant. TODO(#5): DATABASES_DEFAULT_HOST setting. */
export const MYSQL_HOST = 'localhost'

/**
 * The client, as root through the unix socket on a stock server, or as the administrator's
 * option file says when there is one (another socket, a TCP server, an admin account).
 */
function prepare(out: Commands) {
  out.run(
    new ShellText(
      [
        'orchestra_mysql() {',
        '  local client',
        '  client=$(command -v mariadb || command -v mysql)',
        `  if [ -r ${MYSQL_DEFAULTS_FILE} ]; then`,
        `    "$client" --defaults-extra-file=${MYSQL_DEFAULTS_FILE} --batch --skip-column-names`,
        '  else',
        '    "$client" --batch --skip-column-names',
        '  fi',
        '}',
      ].join('\n'),
    ),
  )
}

/**
 * Statements for the client on stdin, after a mode in which `mysqlString` holds; what they
 * print goes to the shell variable `into` when one is named.
 */
function runSql(out: Commands, statements: SqlText[], into?: 'ids') {
  const mode = mysqlSql`SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';`
  const run = sh`printf '%s\n' ${sqlShellWord(joinSql([mode, ...statements]))} | orchestra_mysql`
  out.run(into ? sh`${new ShellText(into)}=$(${run})` : run)
}

const account = (username: string) => mysqlSql`${username}@${MYSQL_HOST}`

/**
 * Revokes every grant on the database except those of `keep`, whoever they were for: the
 * server's own list of grants decides, so a user removed in the panel loses access even if
 * the panel never knew it had any. The grant option goes first and on its own, as MariaDB
 * takes `ALL PRIVILEGES, GRANT OPTION` only at the global level.
 */
function revokeOthers(name: string, keep: readonly string[]): SqlText[] {
  const kept = keep.length
    ? joinSql(
        keep.map((user) => mysqlSql`${user}`),
        ', ',
      )
    : undefined
  const except = kept ? mysqlSql` AND NOT (Host = ${MYSQL_HOST} AND User IN (${kept}))` : mysqlSql``
  const revoke = (what: string, only: SqlText) => [
    mysqlSql`SET @orchestra_stale = NULL;`,
    mysqlSql`SELECT GROUP_CONCAT(CONCAT(QUOTE(User), '@', QUOTE(Host))) INTO @orchestra_stale
      FROM mysql.db WHERE Db = ${mysqlGrantPattern(name)}${except}${only};`,
    mysqlSql`SET @orchestra_revoke = IF(@orchestra_stale IS NULL, 'DO 0',
      CONCAT(${`REVOKE ${what} ON ${mysqlGrantDatabase(name)}.* FROM `}, @orchestra_stale));`,
    mysqlSql`PREPARE orchestra_revoke FROM @orchestra_revoke;`,
    mysqlSql`EXECUTE orchestra_revoke;`,
    mysqlSql`DEALLOCATE PREPARE orchestra_revoke;`,
  ]
  return [
    ...revoke('GRANT OPTION', mysqlSql` AND Grant_priv = 'Y'`),
    ...revoke('ALL PRIVILEGES', mysqlSql``),
  ]
}

/** A table only the script's own session sees, in the database (MySQL wants one for it). */
const staleTable = (name: string) => new SqlText(`${mysqlIdentifier(name)}.orchestra_stale`)

/** Keeps aside the users that hold a grant on the database and are not in `keep`. */
function keepStale(name: string, keep: readonly string[]): SqlText {
  const kept = joinSql(
    keep.map((user) => mysqlSql`${user}`),
    ', ',
  )
  const except = keep.length ? mysqlSql` AND User NOT IN (${kept})` : mysqlSql``
  return mysqlSql`CREATE TEMPORARY TABLE ${staleTable(name)} AS SELECT DISTINCT User
    FROM mysql.db WHERE Db = ${mysqlGrantPattern(name)}${except};`
}

/** Prints the ids of the sessions of the users kept aside, one a line. */
function listStale(name: string): SqlText[] {
  return [
    mysqlSql`SELECT p.ID FROM information_schema.PROCESSLIST p JOIN ${staleTable(name)} s
      ON CAST(s.User AS BINARY) = CAST(p.User AS BINARY);`,
    mysqlSql`DROP TEMPORARY TABLE ${staleTable(name)};`,
  ]
}

function saveDatabase(out: Commands, { database, usernames }: DatabaseObject) {
  if (database.type !== 'mysql') return
  const on = new SqlText(`${mysqlGrantDatabase(database.name)}.*`)
  const grants = usernames.flatMap((user, index) =>
    index === 0
      ? [mysqlSql`GRANT ALL PRIVILEGES ON ${on} TO ${account(user)} WITH GRANT OPTION;`]
      : [
          mysqlSql`GRANT ALL PRIVILEGES ON ${on} TO ${account(user)};`,
          // A former owner keeps no grant option.
          mysqlSql`REVOKE GRANT OPTION ON ${on} FROM ${account(user)};`,
        ],
  )
  // The users about to lose the database are kept aside, in a table only this session sees,
  // so that their open sessions end too: MySQL applies a revoked database grant to a session
  // only at its next USE, so one already in the database keeps writing to it.
  const db = sqlIdentifier(database.name)
  runSql(
    out,
    [
      mysqlSql`CREATE DATABASE IF NOT EXISTS ${db} CHARACTER SET utf8mb4;`,
      keepStale(database.name, usernames),
      ...revokeOthers(database.name, usernames),
      ...grants,
      ...listStale(database.name),
    ],
    'ids',
  )
  killIds(out)
}

/**
 * Drops the database and ends the sessions of whoever had a grant on it: a session keeps the
 * rights of its current database, and would keep them on a new database of the same name.
 */
function deleteDatabase(out: Commands, { database }: DatabaseObject) {
  if (database.type !== 'mysql') return
  runSql(
    out,
    [
      mysqlSql`SELECT DISTINCT p.ID FROM information_schema.PROCESSLIST p JOIN mysql.db d
        ON CAST(d.User AS BINARY) = CAST(p.User AS BINARY)
        WHERE d.Db = ${mysqlGrantPattern(database.name)};`,
      ...revokeOthers(database.name, []),
      mysqlSql`DROP DATABASE IF EXISTS ${sqlIdentifier(database.name)};`,
    ],
    'ids',
  )
  killIds(out)
}

/** KILLs the sessions listed in `$ids`; one that ended meanwhile is no failure. */
function killIds(out: Commands) {
  out.run(
    new ShellText(
      [
        'for id in $ids; do',
        '  case $id in *[!0-9]*) continue ;; esac',
        '  if ! output=$(printf \'KILL CONNECTION %s;\\n\' "$id" | orchestra_mysql 2>&1); then',
        '    grep -q "Unknown thread id" <<<"$output" ||',
        '      { printf \'%s\\n\' "$output" >&2; exit 1; }',
        '  fi',
        'done',
      ].join('\n'),
    ),
  )
}

/**
 * Ends the sessions the user still has open (spec 15.4): neither a lock nor DROP USER closes
 * them, and an open session keeps every right it had. The panel owns the name, so every
 * session of it goes, whatever host it came from.
 */
function killSessions(out: Commands, username: string) {
  const list = mysqlSql`SELECT ID FROM information_schema.PROCESSLIST WHERE User = ${username};`
  out.run(sh`ids=$(printf '%s\n' ${sqlShellWord(list)} | orchestra_mysql)`)
  killIds(out)
}

/** Creates or updates the login; a disabled account's login is locked, not dropped. */
function saveUser(out: Commands, user: UserObject) {
  if (user.type !== 'mysql') return
  const who = account(user.username)
  const hash = new Secret(user.passwordHash)
  if (!user.passwordHash) {
    // Never a login without a password: one that has none stays locked.
    runSql(out, [
      mysqlSql`CREATE USER IF NOT EXISTS ${who} ACCOUNT LOCK;`,
      mysqlSql`ALTER USER ${who} ACCOUNT LOCK;`,
    ])
    killSessions(out, user.username)
    return
  }
  const lock = new SqlText(user.isActive ? 'ACCOUNT UNLOCK' : 'ACCOUNT LOCK')
  runSql(out, [
    mysqlSql`CREATE USER IF NOT EXISTS ${who} IDENTIFIED BY PASSWORD ${hash} ${lock};`,
    mysqlSql`ALTER USER ${who} IDENTIFIED BY PASSWORD ${hash} ${lock};`,
  ])
  if (!user.isActive) killSessions(out, user.username)
}

function deleteUser(out: Commands, user: UserObject) {
  if (user.type !== 'mysql') return
  // DROP USER takes the user's grants with it, but not its open sessions.
  runSql(out, [mysqlSql`DROP USER IF EXISTS ${account(user.username)};`])
  killSessions(out, user.username)
}

const common = {
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'instance.type == "mysql"',
  executable: '/bin/bash',
  timeoutMs: 120_000,
  prepare,
} as const

export const mysqlDatabaseBackend = defineBackend<DatabaseObject>({
  ...common,
  id: 'mysql-database',
  label: 'MySQL database',
  description:
    'Creates and drops MySQL/MariaDB databases and grants them to their users, the first ' +
    `with grant option; uses ${MYSQL_DEFAULTS_FILE} when the server has one.`,
  model: 'sqlDatabase',
  load: loadDatabase,
  repr: ({ database }) => database.name,
  matchFields: databaseMatch.fields,
  matchValues: databaseMatch.values,
  actions: { save: saveDatabase, delete: deleteDatabase },
})

export const mysqlUserBackend = defineBackend<UserObject>({
  ...common,
  id: 'mysql-user',
  label: 'MySQL user',
  description:
    'Creates, locks and drops MySQL/MariaDB users with their stored password hash; ' +
    `uses ${MYSQL_DEFAULTS_FILE} when the server has one.`,
  model: 'sqlUser',
  load: loadUser,
  repr: (user) => user.username,
  matchFields: userMatch.fields,
  matchValues: userMatch.values,
  actions: { save: saveUser, delete: deleteUser },
})
