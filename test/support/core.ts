import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../src-main/core/core'
import type { AccountCreateInput } from '../../src-shared/schemas/accounts'
import type { ChannelName, ChannelRequest } from '../../src-shared/contract/channels'

export interface TestCore extends Core {
  dataDir: string
  dispose(): void
}

/** A core on a fresh SQLite file in its own temporary data folder. */
export function makeCore(options: CoreOptions = {}): TestCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'orchestra-test-'))
  const core = createCore({ dataDir, operator: 'tester@ws1', quietLogs: true, ...options })
  return {
    ...core,
    dataDir,
    dispose() {
      core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function accountInput(overrides: Partial<AccountCreateInput> = {}): AccountCreateInput {
  return {
    username: 'ana',
    fullName: 'Ana Puig',
    email: 'ana@example.net',
    contacts: [{ shortName: 'Ana', email: 'ana@example.net', phone: '612345678' }],
    ...overrides,
  }
}

/** A typed shortcut for one call through the dispatcher, as the renderer would make it. */
export function caller(current: () => Core) {
  return <N extends ChannelName>(name: N, request: ChannelRequest<N>) =>
    current().dispatcher.dispatch(name, request)
}
