import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { SCREENSHOT_DIR } from './fixtures'

/** Builds the renderer the bridge serves when its sources are newer, and clears old screenshots. */
export default function globalSetup(): void {
  const script = join(__dirname, '..', '..', 'scripts', 'build-renderer.js')
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('The renderer did not build; see the output above')

  // A screenshot left from an earlier run must not pass for one of this run.
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true })
}
