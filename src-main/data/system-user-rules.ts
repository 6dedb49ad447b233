import { and, eq, inArray } from 'drizzle-orm'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type { SystemUserRole } from '../../src-shared/schemas/system-users'
import { systemUsers } from '../db/schema'
import type { Tx } from '../db/store'
import { homesOf } from './system-users'
import { settingValue } from './settings'

/** What decides where a user may live (spec 3.2). */
export interface Placement {
  id?: number
  username: string
  accountId: number
  role: SystemUserRole
  shell: string
  home: string
  directory: string
  groups: readonly number[]
}

/** A glob of SYSTEMUSERS_FORBIDDEN_PATHS as a regular expression over one path. */
function globPattern(glob: string): RegExp {
  const body = [...glob]
    .map((char) => {
      if (char === '*') return '[^/]*'
      if (char === '?') return '[^/]'
      if (char === '[' || char === ']') return char
      return char.replace(/[.+^${}()|\\-]/g, '\\$&')
    })
    .join('')
  return new RegExp(`^${body}$`)
}

/** Whether the directory, or a folder it lies in, matches one of the globs. */
export function forbiddenMatch(directory: string, globs: readonly string[]): string | undefined {
  const segments = directory.split('/')
  const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join('/'))
  return globs.find((glob) => {
    const pattern = globPattern(glob)
    return prefixes.some((prefix) => pattern.test(prefix))
  })
}

/**
 * Checks shell, home, directory and groups together and returns the values to store: a home
 * equal to the user's own base home is stored empty, so a later change of SYSTEMUSERS_HOME
 * moves it along. Throws every broken rule at once.
 */
export async function checkPlacement(tx: Tx, user: Placement): Promise<Placement> {
  const issues: FieldIssue[] = []
  const problem = (field: string, rule: string, message: string) =>
    issues.push({ field, rule, message })
  const shells = await settingValue(tx, 'SYSTEMUSERS_SHELLS')
  const disabled = await settingValue(tx, 'SYSTEMUSERS_DISABLED_SHELLS')
  const forbidden = await settingValue(tx, 'SYSTEMUSERS_FORBIDDEN_PATHS')
  const { baseHome, mainHome } = await homesOf(tx, user)

  if (user.role === 'cgi' && user.shell !== '/dev/null') {
    problem('shell', 'cgi', 'a CGI user never has a shell')
  } else if (user.role !== 'cgi' && !shells.includes(user.shell)) {
    problem('shell', 'choice', `must be one of ${shells.join(', ')}`)
  }
  const hasShell = !disabled.includes(user.shell)
  const home = user.home === baseHome ? '' : user.home
  if (home && user.role === 'main') {
    problem('home', 'main_home', `the main user lives in its own home ${baseHome}`)
  } else if (home && hasShell) {
    problem('home', 'shell_home', `a user with a shell lives in its own home ${baseHome}`)
  } else if (home && home !== mainHome) {
    problem('home', 'home_choice', `must be ${baseHome} or the main user's home ${mainHome}`)
  }

  if (user.directory) {
    if (user.role === 'main') problem('directory', 'main', 'the main user has no directory')
    else if (hasShell) problem('directory', 'shell', 'a user with a shell has no directory')
    else if (!home) problem('directory', 'own_home', 'only a user in the main home has one')
    const glob = forbiddenMatch(user.directory, forbidden)
    if (glob) problem('directory', 'forbidden', `lies in ${glob}, which no user may be given`)
  }

  const groups = user.role === 'extra' ? [...new Set(user.groups)] : []
  if (user.role !== 'extra' && user.groups.length) {
    problem('groups', 'role', `the ${user.role} user's groups are set by the server rules`)
  }
  if (user.id !== undefined && groups.includes(user.id)) {
    problem('groups', 'self', 'a user cannot be listed in its own groups')
  }
  const found = groups.length
    ? await tx
        .select({ id: systemUsers.id })
        .from(systemUsers)
        .where(and(inArray(systemUsers.id, groups), eq(systemUsers.accountId, user.accountId)))
    : []
  const strangers = groups.filter((id) => id !== user.id && !found.some((f) => f.id === id))
  if (strangers.length) {
    problem('groups', 'account', `${strangers.join(', ')}: not system users of this account`)
  }

  if (issues.length) throw AppError.validation(issues)
  return { ...user, home, groups }
}
