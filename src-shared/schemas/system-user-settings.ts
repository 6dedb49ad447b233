import { z } from 'zod'
import { listSetting as listOf } from './setting-lists'
import { singleLineText } from './common'

/** An absolute path on a server: no `..` or `.` segments, nothing a shell could misread. */
export const SERVER_PATH = /^(?:\/[A-Za-z0-9_@%+=:,.~-]*)+$/

/** The segments that would walk out of the folder they are written in. */
export const hasDotSegment = (path: string) =>
  path.split('/').some((segment) => segment === '.' || segment === '..')

const PLACEHOLDER = /%\((user|username)\)s/g

function serverPath(max: number) {
  return singleLineText(max)
    .refine((path) => SERVER_PATH.test(path.replace(PLACEHOLDER, 'user')), {
      message: 'must be an absolute path of letters, digits and ._-~@%+=:,',
      params: { rule: 'path' },
    })
    .refine((path) => !hasDotSegment(path), {
      message: 'may not hold a . or .. segment',
      params: { rule: 'dot_segment' },
    })
}

const unixName = z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, { message: 'is not a UNIX name' })

/** A home template names the user as `%(user)s` (or `%(username)s`, the same value). */
const homeTemplate = serverPath(200).refine((path) => path.replace(PLACEHOLDER, '') !== path, {
  message: 'must contain %(user)s',
  params: { rule: 'placeholder' },
})

/** A glob relative to a home: no leading slash, no walking up. */
const forbiddenGlob = singleLineText(200)
  .regex(/^[A-Za-z0-9_.*?[\]/-]+$/, { message: 'must be a glob of letters, digits and ._-*?[]/' })
  .refine((glob) => !glob.startsWith('/') && !hasDotSegment(glob), {
    message: 'must be relative to the home, without . or .. segments',
    params: { rule: 'relative' },
  })

/** Spec 3.3. The FTP and mail log paths belong to the monitors, which are not written yet. */
export const SYSTEM_USER_SETTINGS = {
  SYSTEMUSERS_SHELLS: {
    group: 'SYSTEMUSERS',
    help: 'The shells a system user may have: /dev/null is FTP only, /bin/rssh SFTP and rsync.',
    schema: listOf(serverPath(64)).refine((shells) => shells.length > 0, {
      message: 'needs at least one shell',
    }),
    default: ['/dev/null', '/bin/rssh', '/bin/bash'],
  },
  SYSTEMUSERS_DEFAULT_SHELL: {
    group: 'SYSTEMUSERS',
    help: 'The shell of a new system user (the main user included).',
    schema: serverPath(64),
    default: '/dev/null',
  },
  SYSTEMUSERS_DISABLED_SHELLS: {
    group: 'SYSTEMUSERS',
    help: 'Shells that give no interactive login; users with one may live in the main home.',
    schema: listOf(serverPath(64)),
    default: ['/dev/null', '/bin/rssh'],
  },
  SYSTEMUSERS_HOME: {
    group: 'SYSTEMUSERS',
    help: 'The base home of a system user; %(user)s is its name.',
    schema: homeTemplate,
    default: '/home/%(user)s',
  },
  SYSTEMUSERS_DEFAULT_GROUP_MEMBERS: {
    group: 'SYSTEMUSERS',
    help: "Server users added to every system user's group, such as the web server's.",
    schema: listOf(unixName),
    default: ['www-data'],
  },
  SYSTEMUSERS_MOVE_ON_DELETE_PATH: {
    group: 'SYSTEMUSERS',
    help: 'Where a deleted user’s home is moved (%(user)s is its name); empty removes it.',
    schema: z.union([z.literal(''), homeTemplate]),
    default: '',
  },
  SYSTEMUSERS_FORBIDDEN_PATHS: {
    group: 'SYSTEMUSERS',
    help: 'Globs, relative to a home, that no user may be given as its directory.',
    schema: listOf(forbiddenGlob, 50),
    default: [],
  },
} as const

/** The base home of `username` under a home template. */
export function baseHome(template: string, username: string): string {
  return template.replace(PLACEHOLDER, username).replace(/\/+$/, '') || '/'
}
