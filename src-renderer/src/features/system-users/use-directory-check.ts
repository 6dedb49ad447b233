import { useTranslation } from 'react-i18next'
import { joinHome } from '../../../../src-shared/schemas/system-users'
import { useChannelMutation } from '../../api/queries'

/**
 * Asks the servers whether a user's directory exists before the save (spec 3.2), and returns
 * the error for the field when one lacks it. A server that cannot be asked does not block the
 * save: the script then stops on the missing folder and its log says so.
 */
export function useDirectoryCheck() {
  const { t } = useTranslation()
  const check = useChannelMutation('systemUsers:checkPaths')

  return {
    pending: check.isPending,
    async missing(home: string | undefined, directory: string | undefined) {
      if (!home || !directory) return null
      const path = joinHome(home, directory)
      const result = await check.mutateAsync({ paths: [path] }).catch(() => ({ missing: [] }))
      if (!result.missing.length) return null
      const servers = [...new Set(result.missing.map((m) => m.server))].join(', ')
      return t('systemUsers.form.missingDirectory', { path, servers })
    },
  }
}
