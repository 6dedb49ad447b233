#!/usr/bin/env node
// Builds the app (electron-vite: main, preload, renderer) unless out/renderer is newer than
// every source it comes from. The end-to-end tests serve out/renderer through the bridge, so a
// stale build would test yesterday's interface.
const { spawnSync } = require('node:child_process')
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const builtPage = join(root, 'out', 'renderer', 'index.html')
const SOURCES = [
  'src-renderer',
  'src-shared',
  'src-main/electron',
  'electron.vite.config.ts',
  'postcss.config.cjs',
  'tsconfig.web.json',
  'package-lock.json',
]

/** The newest modification time under a file or folder, in milliseconds. */
function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function isStale() {
  if (!existsSync(builtPage)) return true
  const built = statSync(builtPage).mtimeMs
  return SOURCES.some((source) => newestMtime(join(root, source)) > built)
}

/** Returns true when out/renderer is up to date (built now or already). */
function ensureRendererBuilt({ force = false, log = console.log } = {}) {
  if (!force && !isStale()) {
    log('Renderer build is up to date.')
    return true
  }
  log('Building the app (electron-vite build)…')
  const started = Date.now()
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  if (result.status !== 0 || !existsSync(builtPage)) {
    log(`The build failed (exit ${result.status ?? result.signal}).`)
    return false
  }
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  return true
}

module.exports = { ensureRendererBuilt }

if (require.main === module) {
  process.exit(ensureRendererBuilt({ force: process.argv.includes('--force') }) ? 0 : 1)
}
