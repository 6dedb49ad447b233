import type { Channels } from '../../src-shared/contract/channels'
import { AppError } from '../../src-shared/errors'
import { effectiveAddress } from '../../src-shared/schemas/orchestration'
import * as keys from '../data/ssh-keys'
import { getServer, updateServer } from '../data/servers'
import { passphraseAccount, privateKeyAccount } from '../orchestration/orchestrator'
import { SshError } from '../orchestration/ssh/errors'
import { installAuthorizedKey } from '../orchestration/ssh/install-key'
import { generateSshKey, parsePrivateKey, type SshKey } from '../orchestration/ssh/keys'
import type { CoreServices, HandlerTable } from './types'

type KeyChannels = Extract<keyof Channels, `keys:${string}`>

/**
 * The private key goes to the keychain first and the row second; if the row cannot be
 * written, the secret is taken back out, so neither is left without the other.
 */
async function storeKey(core: CoreServices, label: string, key: SshKey, passphrase: string) {
  const status = await core.keychain.status()
  if (!status.available) {
    throw new AppError({
      code: 'UNAVAILABLE',
      message: `The OS keychain is not available, so the key was not stored: ${status.reason}`,
    })
  }
  await core.keychain.set(privateKeyAccount(key.fingerprint), key.privateKey)
  if (passphrase) await core.keychain.set(passphraseAccount(key.fingerprint), passphrase)
  try {
    return await core.write((scope) =>
      keys.insertKey(scope, {
        label,
        type: key.type,
        publicKey: key.publicKey,
        fingerprint: key.fingerprint,
        hasPassphrase: !!passphrase,
      }),
    )
  } catch (error) {
    await core.keychain.delete(privateKeyAccount(key.fingerprint))
    await core.keychain.delete(passphraseAccount(key.fingerprint))
    throw error
  }
}

export const keyHandlers: HandlerTable<KeyChannels> = {
  'keys:list': (_request, { tx }) => keys.listKeys(tx),

  'keys:generate': ({ label }, { core }) =>
    storeKey(core, label, generateSshKey(`orchestra:${label}`), ''),

  'keys:import': ({ label, privateKey, passphrase }, { core }) =>
    storeKey(core, label, parsePrivateKey(privateKey, passphrase), passphrase),

  'keys:delete': async ({ id }, { core }) => {
    const key = await core.write((scope) => keys.deleteKey(scope, id))
    await core.keychain.delete(privateKeyAccount(key.fingerprint))
    await core.keychain.delete(passphraseAccount(key.fingerprint))
    await core.orchestrator.forgetKey(key.fingerprint)
    return { deleted: 1 }
  },

  'keys:install': async ({ keyId, serverId, password, useForServer }, { core }) => {
    const [key, server] = await core.database.store.read(
      async (tx) => [await keys.getKey(tx, keyId), await getServer(tx, serverId)] as const,
    )
    if (!server.hostKeyFingerprint) {
      throw new AppError({
        code: 'FORBIDDEN',
        message:
          `Accept the host key of ${server.name} first: ` +
          'a password is only sent to a server whose identity is known',
      })
    }
    const result = await installAuthorizedKey({
      name: server.name,
      address: effectiveAddress(server),
      port: server.sshPort,
      user: server.sshUser,
      password,
      hostKeyFingerprint: server.hostKeyFingerprint,
      publicKeyLine: key.publicKey,
    }).catch((error: unknown) => {
      // A refused password belongs under the password field; other failures are the server's.
      if (error instanceof SshError && error.code === 'AUTH_FAILED') {
        throw AppError.validation([
          { field: 'password', rule: 'refused', message: `${server.name} refused this password` },
        ])
      }
      if (error instanceof SshError) {
        throw new AppError({ code: 'UNAVAILABLE', message: error.message })
      }
      throw error
    })
    if (useForServer && server.keyId !== key.id) {
      await core.write((scope) =>
        updateServer(scope, { id: server.id, version: server.version, keyId: key.id }),
      )
    }
    return { installed: result.added, line: key.publicKey }
  },
}
