import { useChannelQuery } from '../../api/queries'

export interface SystemUserSettings {
  shells: string[]
  disabledShells: string[]
  homeTemplate: string
  defaultShell: string
}

const FALLBACK: SystemUserSettings = {
  shells: ['/dev/null'],
  disabledShells: ['/dev/null'],
  homeTemplate: '/home/%(user)s',
  defaultShell: '/dev/null',
}

/** The SYSTEMUSERS_ settings a form offers and checks against, as the core has them now. */
export function useSystemUserSettings(): SystemUserSettings {
  const query = useChannelQuery('settings:list', {})
  const value = (name: string) => query.data?.find((setting) => setting.name === name)?.value
  return {
    shells: (value('SYSTEMUSERS_SHELLS') as string[] | undefined) ?? FALLBACK.shells,
    disabledShells:
      (value('SYSTEMUSERS_DISABLED_SHELLS') as string[] | undefined) ?? FALLBACK.disabledShells,
    homeTemplate: (value('SYSTEMUSERS_HOME') as string | undefined) ?? FALLBACK.homeTemplate,
    defaultShell:
      (value('SYSTEMUSERS_DEFAULT_SHELL') as string | undefined) ?? FALLBACK.defaultShell,
  }
}
