import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const APP_FOLDER = 'orchestra-desktop'

/**
 * The data folder: the flag wins, then ORCHESTRA_DATA_DIR, then each OS's convention
 * (XDG on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag)
  if (env.ORCHESTRA_DATA_DIR) return resolve(env.ORCHESTRA_DATA_DIR)

  const home = homedir()
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER)
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER)
    default:
      return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), APP_FOLDER)
  }
}

let cachedRoot: string | undefined

/**
 * The folder that holds `resources/`. Source files and the bundled main script sit at
 * different depths, so walk up from this file until it shows up.
 */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot
  let dir = __dirname
  while (!existsSync(join(dir, 'resources', 'migrations'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No resources folder above ${__dirname}`)
    dir = parent
  }
  cachedRoot = dir
  return dir
}

export function resourcePath(...parts: string[]): string {
  return join(projectRoot(), 'resources', ...parts)
}
