import { test } from '@playwright/test'
import { startSshServer, type TestSshServer } from '../support/ssh-server'
import type { BridgeApi } from './fixtures'
import { startPrivateKeychain, type PrivateKeychain } from './private-keychain'

/**
 * A real OpenSSH server on loopback and the private keychain for every test of a spec: call
 * at the top of the spec. The bridge fixture starts `orchestra serve` with this worker's
 * environment, so the keychain's variables are set for the spec and put back after it.
 */
export function useSshServerAndKeychain(options: { password?: string } = {}) {
  let ssh: TestSshServer | undefined
  let keychain: PrivateKeychain | undefined
  let savedEnv: Partial<Record<string, string>> = {}

  test.beforeAll(async () => {
    ssh = await startSshServer(options)
    keychain = startPrivateKeychain()
    savedEnv = Object.fromEntries(
      Object.keys(keychain.env).map((name) => [name, process.env[name]]),
    )
    Object.assign(process.env, keychain.env)
  })

  test.afterAll(async () => {
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    keychain?.stop()
    await ssh?.stop()
  })

  return () => {
    if (!ssh) throw new Error('The SSH server starts in beforeAll')
    return ssh
  }
}

/**
 * What an operator sets up by hand in the journey, through the API: the server's own client
 * key, the server with its host key accepted, and a route of the account-file backend.
 */
export async function routeAccountsTo(
  api: BridgeApi,
  ssh: TestSshServer,
  { name = 'web1', match = 'true' }: { name?: string; match?: string } = {},
) {
  const key = await api.call('keys:import', {
    label: `${name}-key`,
    privateKey: ssh.clientKey.privateKey,
  })
  const server = await api.call('servers:create', {
    name,
    address: ssh.address,
    sshPort: ssh.port,
    keyId: key.id,
  })
  const scan = await api.call('servers:scanHostKey', { id: server.id })
  await api.call('servers:acceptHostKey', { id: server.id, fingerprint: scan.fingerprint })
  const route = await api.call('routes:create', {
    backend: 'account-file',
    serverId: server.id,
    match,
  })
  return { key, server, route }
}
