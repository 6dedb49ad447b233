import type { Server } from '../../src-shared/schemas/orchestration'
import type { TestSshServer } from './ssh-server'
import type { TestCore } from './core'

/**
 * A server as a new user sets one up: the test server's client key imported into the
 * keychain, the server added, its host key fetched and accepted.
 */
export async function addTestServer(
  core: TestCore,
  ssh: TestSshServer,
  name: string,
  keyId?: number,
): Promise<Server> {
  const key =
    keyId ??
    (
      await core.dispatcher.dispatch('keys:import', {
        label: `key for ${name}`,
        privateKey: ssh.clientKey.privateKey,
      })
    ).id
  const server = await core.dispatcher.dispatch('servers:create', {
    name,
    address: ssh.address,
    sshPort: ssh.port,
    keyId: key,
  })
  const scan = await core.dispatcher.dispatch('servers:scanHostKey', { id: server.id })
  return core.dispatcher.dispatch('servers:acceptHostKey', {
    id: server.id,
    fingerprint: scan.fingerprint,
  })
}

/** What the account-file backend wrote on a server for one account, or undefined. */
export function accountFileOn(ssh: TestSshServer, username: string): unknown {
  try {
    return JSON.parse(ssh.exec(`cat /etc/orchestra/accounts/${username}.json`))
  } catch {
    return undefined
  }
}
