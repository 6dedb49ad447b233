import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { openCore, type Core } from '../../src-main/core/core'

/** The command line as a user runs it: the real binary, in a process of its own. */
const BIN = join(__dirname, '..', '..', 'bin', 'orchestra.js')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** `orchestra <args> --data-dir <dataDir>`, waited for. */
export function runOrchestra(dataDir: string, args: readonly string[]): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], {
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Work on the same data folder through a core of the test's own, closed afterwards. */
export async function withCoreAt<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ dataDir, quietLogs: true, operator: 'tester@ws1' })
  try {
    return await work(core)
  } finally {
    await core.close()
  }
}
