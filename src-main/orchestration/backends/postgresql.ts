import {
  joinSql,
  pgIdentifier,
  pgSql,
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
  PG_SERVICE,
  PG_SERVICE_FILE,
  userMatch,
  type DatabaseObject,
  type UserObject,
} from './sql-objects'

/**
 * PostgreSQL: the owner owns the database, other users get CONNECT and the `public` schema;
 * nobody else (PUBLIC) may connect. Users are login roles holding a SCRAM verifier.
 */

// TODO(#5): tables one user creates are not readable by the others until granted (no ALTER
// DEFAULT PRIVILEGES), and a user removed from a database keeps owning its tables there until
// the user itself is deleted: both need a per-database policy the spec does not give.

/**
 * psql as the `postgres` superuser on a stock server, or through the service file the
 * server's administrator wrote (another port or host, an admin role). Notices of
 * `IF NOT EXISTS` stay quiet; any error stops the client with a non-zero status.
 */
function prepare(out: Commands) {
  out.run(
    new ShellText(
      [
        '# Blocks in the maintenance database pass no arguments.',
        '# shellcheck disable=SC2120',
        'orchestra_psql() {',
        `  if [ -r ${PG_SERVICE_FILE} ]; then`,
        `    PGSERVICEFILE=${PG_SERVICE_FILE} PGSERVICE=${PG_SERVICE} \\`,
        '      psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"',
        '  else',
        '    (cd / && runuser -u postgres -- psql -X -q -A -t -v ON_ERROR_STOP=1 "$@")',
        '  fi',
        '}',
      ].join('\n'),
    ),
  )
}

const QUIET = pgSql`SET client_min_messages = warning;`

/** Statements for psql on stdin, in the maintenance database or in `database`. */
function runSql(out: Commands, statements: SqlText[], database?: string) {
  const word = sqlShellWord(joinSql([QUIET, ...statements]))
  out.run(
    database === undefined
      ? sh`printf '%s\n' ${word} | orchestra_psql`
      : sh`printf '%s\n' ${word} | orchestra_psql -d ${database}`,
  )
}

/** psql runs each row of the query before `\gexec` as a statement: "create if missing". */
const gexec = (query: SqlText) => joinSql([query, new SqlText('\\gexec')])

const roleArray = (names: readonly string[]) =>
  names.length
    ? pgSql`ARRAY[${joinSql(
        names.map((name) => pgSql`${name}`),
        ', ',
      )}]::text[]`
    : pgSql`ARRAY[]::text[]`

function saveDatabase(out: Commands, { database, usernames }: DatabaseObject) {
  if (database.type !== 'postgresql') return
  const name = database.name
  const db = sqlIdentifier(name)
  const [owner, ...others] = usernames
  const keep = roleArray(usernames)
  runSql(out, [
    gexec(
      pgSql`SELECT ${`CREATE DATABASE ${pgIdentifier(name)}`}
        WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = ${name})`,
    ),
    owner
      ? pgSql`ALTER DATABASE ${db} OWNER TO ${sqlIdentifier(owner)};`
      : pgSql`ALTER DATABASE ${db} OWNER TO CURRENT_USER;`,
    pgSql`REVOKE ALL ON DATABASE ${db} FROM PUBLIC;`,
    ...others.map(
      (user) => pgSql`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${sqlIdentifier(user)};`,
    ),
    // Whoever else the server lets in, by its own list: a user removed in the panel goes.
    gexec(
      pgSql`SELECT format('REVOKE ALL ON DATABASE %I FROM %I', d.datname, r.rolname)
        FROM pg_database d CROSS JOIN LATERAL aclexplode(d.datacl) a
        JOIN pg_roles r ON r.oid = a.grantee
        WHERE d.datname = ${name} AND r.oid <> d.datdba AND NOT r.rolsuper
          AND r.rolname <> ALL (${keep})
        GROUP BY d.datname, r.rolname`,
    ),
    // A revoked CONNECT refuses new sessions only: those still open in the database end.
    pgSql`SELECT FROM (SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a
      JOIN pg_roles r ON r.oid = a.usesysid
      WHERE a.datname = ${name} AND NOT r.rolsuper AND r.rolname <> ALL (${keep})
        AND a.pid <> pg_backend_pid()) AS ended;`,
  ])
  runSql(
    out,
    [
      ...others.map((user) => pgSql`GRANT ALL ON SCHEMA public TO ${sqlIdentifier(user)};`),
      gexec(
        pgSql`SELECT format('REVOKE ALL ON SCHEMA public FROM %I', r.rolname)
          FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a
          JOIN pg_roles r ON r.oid = a.grantee
          WHERE n.nspname = 'public' AND NOT r.rolsuper AND left(r.rolname, 3) <> 'pg_'
            AND r.rolname <> ALL (${keep})
          GROUP BY r.rolname`,
      ),
    ],
    name,
  )
}

function deleteDatabase(out: Commands, { database }: DatabaseObject) {
  if (database.type !== 'postgresql') return
  // FORCE ends the sessions still open on it, which would otherwise block the drop.
  runSql(out, [pgSql`DROP DATABASE IF EXISTS ${sqlIdentifier(database.name)} WITH (FORCE);`])
}

/** Creates or updates the role; a disabled account's role keeps its password but NOLOGIN. */
function saveUser(out: Commands, user: UserObject) {
  if (user.type !== 'postgresql') return
  const role = sqlIdentifier(user.username)
  const login = new SqlText(user.isActive && user.passwordHash ? 'LOGIN' : 'NOLOGIN')
  const password = user.passwordHash ? pgSql`${new Secret(user.passwordHash)}` : pgSql`NULL`
  runSql(out, [
    gexec(
      pgSql`SELECT ${`CREATE ROLE ${pgIdentifier(user.username)} NOLOGIN`}
        WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${user.username})`,
    ),
    pgSql`ALTER ROLE ${role} ${login} PASSWORD ${password};`,
    ...(user.isActive && user.passwordHash ? [] : [terminateSessions(user.username)]),
  ])
}

/**
 * Ends the role's open sessions (spec 15.4): NOLOGIN and DROP ROLE only refuse new ones, and
 * a session still open keeps every right it had. The call stays in the select list, run
 * only for rows the filter kept: in the WHERE clause the planner may call it first, for every
 * backend. Prints nothing.
 */
const terminateSessions = (username: string) =>
  pgSql`SELECT FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
    WHERE usename = ${username} AND pid <> pg_backend_pid()) AS ended;`

/**
 * Drops the role. What it still owns or may use in any database (tables it created) passes
 * to the superuser first, database by database, or PostgreSQL refuses the drop.
 */
function deleteUser(out: Commands, user: UserObject) {
  if (user.type !== 'postgresql') return
  const orphan = [
    gexec(
      pgSql`SELECT format('REASSIGN OWNED BY %I TO CURRENT_USER', rolname)
        FROM pg_roles WHERE rolname = ${user.username}`,
    ),
    gexec(
      pgSql`SELECT format('DROP OWNED BY %I', rolname)
        FROM pg_roles WHERE rolname = ${user.username}`,
    ),
  ]
  // Sessions end first, while pg_stat_activity still names the role; NOLOGIN keeps new ones
  // from coming in before the drop.
  runSql(out, [
    gexec(
      pgSql`SELECT format('ALTER ROLE %I NOLOGIN', rolname)
        FROM pg_roles WHERE rolname = ${user.username}`,
    ),
    terminateSessions(user.username),
  ])
  const databases = pgSql`SELECT DISTINCT d.datname FROM pg_shdepend s
    JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.refobjid
    WHERE r.rolname = ${user.username} AND d.datallowconn`
  out.run(
    sh`databases=$(printf '%s\n' ${sqlShellWord(joinSql([QUIET, databases]))} | orchestra_psql)`,
  )
  // Names the panel could not have made are left to the administrator.
  out.run(new ShellText('for db in $databases; do'))
  out.run(new ShellText('  case $db in *[!a-z0-9_]*) continue ;; esac'))
  out.run(
    sh`  printf '%s\n' ${sqlShellWord(joinSql([QUIET, ...orphan]))} | orchestra_psql -d "$db"`,
  )
  out.run(new ShellText('done'))
  runSql(out, [...orphan, pgSql`DROP ROLE IF EXISTS ${sqlIdentifier(user.username)};`])
}

const common = {
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'instance.type == "postgresql"',
  executable: '/bin/bash',
  timeoutMs: 120_000,
  prepare,
} as const

export const postgresqlDatabaseBackend = defineBackend<DatabaseObject>({
  ...common,
  id: 'postgresql-database',
  label: 'PostgreSQL database',
  description:
    'Creates and drops PostgreSQL databases owned by their first user, with CONNECT for the ' +
    `others; uses the ${PG_SERVICE} service of ${PG_SERVICE_FILE} when the server has one.`,
  model: 'sqlDatabase',
  load: loadDatabase,
  repr: ({ database }) => database.name,
  matchFields: databaseMatch.fields,
  matchValues: databaseMatch.values,
  actions: { save: saveDatabase, delete: deleteDatabase },
})

export const postgresqlUserBackend = defineBackend<UserObject>({
  ...common,
  id: 'postgresql-user',
  label: 'PostgreSQL user',
  description:
    'Creates and drops PostgreSQL login roles with their SCRAM verifier; NOLOGIN while the ' +
    `account is disabled. Uses the ${PG_SERVICE} service of ${PG_SERVICE_FILE} when present.`,
  model: 'sqlUser',
  load: loadUser,
  repr: (user) => user.username,
  matchFields: userMatch.fields,
  matchValues: userMatch.values,
  actions: { save: saveUser, delete: deleteUser },
})
