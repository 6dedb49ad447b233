import { readFileSync } from 'node:fs'
import type { SshTarget } from '../../../../src-main/orchestration/ssh/connection-pool'
import type { TestSshServer } from '../../../support/ssh-server'

/** The pool's view of a test server: pinned host key and the key root accepts. */
export function targetOf(server: TestSshServer, overrides: Partial<SshTarget> = {}): SshTarget {
  return {
    serverId: 1,
    name: 'web1',
    address: server.address,
    port: server.port,
    user: 'root',
    hostKeyFingerprint: server.hostKeyFingerprint,
    privateKey: server.clientKey.privateKey,
    connectTimeoutMs: 5_000,
    ...overrides,
  }
}

export function bash(script: string, timeoutMs = 5_000) {
  return { executable: '/bin/bash', script, timeoutMs }
}

/** Logins sshd accepted so far: it logs one "Accepted publickey|password" line each. */
export function acceptedLogins(server: TestSshServer): number {
  return readFileSync(server.logFile, 'utf8').match(/^Accepted /gm)?.length ?? 0
}
