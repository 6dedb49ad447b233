import type {
  SystemUserCreateInput,
  SystemUserDetail,
  SystemUserUpdateInput,
} from '../../../../src-shared/schemas/system-users'

export interface SystemUserValues {
  accountId: string | null
  username: string
  password: string
  shell: string
  /** `own` is the user's own base home, `main` the main user's. */
  homeChoice: 'own' | 'main'
  directory: string
  groups: string[]
  isActive: boolean
}

export function emptySystemUser(accountId: string | null, shell: string): SystemUserValues {
  return {
    accountId,
    username: '',
    password: '',
    shell,
    homeChoice: 'own',
    directory: '',
    groups: [],
    isActive: true,
  }
}

export function detailToValues(detail: SystemUserDetail): SystemUserValues {
  const { user } = detail
  return {
    accountId: String(user.accountId),
    username: user.username,
    password: '',
    shell: user.shell,
    homeChoice: user.home && user.home === detail.mainHome ? 'main' : 'own',
    directory: user.directory,
    groups: user.groups.map(String),
    isActive: user.isActive,
  }
}

/** A user with a real shell lives in its own home, without a directory (spec 3.2). */
function placement(values: SystemUserValues, mainHome: string, hasShell: boolean) {
  if (hasShell) return { home: '', directory: '' }
  return {
    home: values.homeChoice === 'main' ? mainHome : '',
    directory: values.homeChoice === 'main' ? values.directory : '',
  }
}

export function toCreateRequest(
  values: SystemUserValues,
  mainHome: string,
  hasShell: boolean,
): SystemUserCreateInput {
  return {
    accountId: Number(values.accountId) || 0,
    username: values.username,
    ...(values.password && { password: values.password }),
    shell: values.shell,
    ...placement(values, mainHome, hasShell),
    groups: values.groups.map(Number),
    isActive: values.isActive,
  }
}

export function toUpdateRequest(
  values: SystemUserValues,
  detail: SystemUserDetail,
  hasShell: boolean,
): SystemUserUpdateInput {
  const { user } = detail
  const identity = { id: user.id, version: user.version }
  const password = values.password ? { password: values.password } : {}
  // The panel sets up a CGI user; only its flag changes here.
  if (user.role === 'cgi') return { ...identity, isActive: values.isActive }
  const common = { ...identity, ...password, shell: values.shell, isActive: values.isActive }
  if (user.role === 'main') return common
  return {
    ...common,
    ...placement(values, detail.mainHome, hasShell),
    groups: values.groups.map(Number),
  }
}
