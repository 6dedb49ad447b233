#!/usr/bin/env node
// `npm start`: build, then open the Electron window; where Electron cannot run, say so in one
// line and serve the same interface through the loopback bridge instead.
const { spawnSync, spawn } = require('node:child_process')
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const args = process.argv.slice(2)

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options })
}

/** The Electron binary's path, fetching it once if the install skipped the download. */
function electronBinary() {
  const installer = join(root, 'node_modules', 'electron', 'install.js')
  const tryResolve = () => {
    try {
      return require('electron')
    } catch (error) {
      return { error }
    }
  }
  let found = tryResolve()
  if (typeof found !== 'string' && existsSync(installer)) {
    run(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 })
    delete require.cache[require.resolve('electron')]
    found = tryResolve()
  }
  if (typeof found === 'string' && existsSync(found)) return found
  return undefined
}

const build = run(
  process.execPath,
  [join(root, 'node_modules', '.bin', 'electron-vite'), 'build'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
)
if (build.status !== 0) process.exit(build.status ?? 1)

const binary = electronBinary()
const child = binary
  ? spawn(binary, ['.', ...args], { cwd: root, stdio: 'inherit' })
  : (console.log('Electron is not available on this machine; serving the interface on loopback.'),
    spawn(process.execPath, [join(root, 'bin', 'orchestra.js'), 'serve', ...args], {
      cwd: root,
      stdio: 'inherit',
    }))
// Stopping `npm start` (Ctrl-C, or a kill of npm or of this process) stops what it started.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
process.on('exit', () => child.exitCode === null && child.kill('SIGTERM'))
// npm does not pass a kill on to its script: when npm is gone, this process is adopted by
// another parent, and takes that as the signal to stop.
const parent = process.ppid
setInterval(() => process.ppid !== parent && child.kill('SIGTERM'), 1000).unref()
child.on('exit', (code) => process.exit(code ?? 0))
