import { useState } from 'react'
import type { Server, SshKey } from '../../../../../src-shared/schemas/orchestration'
import { useApi } from '../../../api/client-context'
import { useChannelMutation } from '../../../api/queries'
import { i18next } from '../../../i18n'
import { notifyFailure, notifySuccess } from '../../../lib/notify'

interface Target {
  key: SshKey
  server: Server
  /** Make the server use this key for its scripts once it is installed. */
  use: boolean
}

interface Callbacks {
  onDone: () => void
  onError: (error: unknown) => void
}

/**
 * Installs a key with a one-time password, then, if asked, makes the server use it. The
 * server is read again first: the install may have changed it, and an edit names a version.
 */
export function useInstallKey() {
  const api = useApi()
  const install = useChannelMutation('keys:install')
  const update = useChannelMutation('servers:update')
  const [assigning, setAssigning] = useState(false)

  const assign = async ({ key, server }: Target) => {
    setAssigning(true)
    try {
      const latest = await api['servers:get']({ id: server.id })
      if (latest.keyId !== key.id) {
        await update.mutateAsync({ id: latest.id, version: latest.version, keyId: key.id })
      }
    } catch (error) {
      notifyFailure(i18next.t('keys.useForServer', { name: server.name }), error)
    } finally {
      setAssigning(false)
    }
  }

  const run = (request: Parameters<typeof install.mutate>[0], target: Target, on: Callbacks) =>
    install.mutate(request, {
      onSuccess: async (result) => {
        const values = { label: target.key.label, name: target.server.name }
        const message = result.installed ? 'keys.installed' : 'keys.alreadyInstalled'
        if (target.use && target.server.keyId !== target.key.id) await assign(target)
        notifySuccess(i18next.t(message, values))
        on.onDone()
      },
      onError: on.onError,
    })

  return { run, pending: install.isPending || assigning }
}
