import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  keychainDaemons,
  PRIVATE_KEYCHAIN_MARKER,
  startPrivateKeychain,
  type PrivateKeychainSession,
} from '../../scripts/private-keychain'

const script = join(__dirname, '../../scripts/private-keychain.js')

/** Stores a secret through the OS keychain API the app uses, in a child, and reads it back. */
function storeAndRead(keychain: PrivateKeychainSession, secret: string): string {
  const code = `
    const { Entry } = require('@napi-rs/keyring')
    const options = { linux: { store: 'secret-service' } }
    const entry = new Entry('Orchestra Desktop', 'keychain-test', options)
    entry.setPassword(process.argv[1])
    process.stdout.write(entry.getPassword() ?? '')`
  const result = spawnSync(process.execPath, ['-e', code, secret], {
    encoding: 'utf8',
    env: { ...process.env, ...keychain.env },
  })
  return result.status === 0 ? result.stdout : `failed: ${result.stderr}`
}

const runtimeOf = (keychain: PrivateKeychainSession) => keychain.env.XDG_RUNTIME_DIR!
const gone = (pid: number) => !existsSync(`/proc/${pid}/environ`) || isZombie(pid)
const isZombie = (pid: number) =>
  spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.startsWith('Z')

async function waitUntil(condition: () => boolean, what: string) {
  for (let tries = 0; tries < 100 && !condition(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  if (!condition()) throw new Error(`Timed out waiting: ${what}`)
}

/** A run that starts a keychain and is then killed before it can stop it. */
async function killedRun(): Promise<string> {
  const code = `
    const keychain = require(process.argv[1]).startPrivateKeychain()
    process.stdout.write(keychain.env.XDG_RUNTIME_DIR + '\\n')
    setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['-e', code, script], {
    env: { ...process.env, [PRIVATE_KEYCHAIN_MARKER]: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const runtime = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
    child.once('exit', (status) => reject(new Error(`The run ended first (${status})`)))
  })
  const ended = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await ended
  return runtime
}

// Inside `npm test` the marker says a keychain is there already; these tests make their own.
let outerMarker: string | undefined
const started: PrivateKeychainSession[] = []
const start = () => {
  const keychain = startPrivateKeychain()
  started.push(keychain)
  return keychain
}

beforeEach(() => {
  outerMarker = process.env[PRIVATE_KEYCHAIN_MARKER]
  delete process.env[PRIVATE_KEYCHAIN_MARKER]
})

afterEach(() => {
  for (const keychain of started.splice(0)) keychain.stop()
  if (outerMarker !== undefined) process.env[PRIVATE_KEYCHAIN_MARKER] = outerMarker
})

describe('startPrivateKeychain', () => {
  it('gives each keychain a runtime folder of its own, mode 0700, removed on stop', () => {
    const first = start()
    const second = start()

    expect(runtimeOf(first)).not.toBe(runtimeOf(second))
    expect(statSync(runtimeOf(first)).mode & 0o777).toBe(0o700)
    expect(first.env.GNOME_KEYRING_CONTROL).toBe(join(runtimeOf(first), 'keyring'))
    expect(keychainDaemons(runtimeOf(first))).toHaveLength(2)

    first.stop()
    expect(existsSync(dirname(runtimeOf(first)))).toBe(false)
    expect(existsSync(runtimeOf(second))).toBe(true)
  })

  it('keeps storing secrets in one keychain after the other one’s daemons are killed', async () => {
    const doomed = start()
    const kept = start()
    expect(storeAndRead(doomed, 'first')).toBe('first')
    expect(storeAndRead(kept, 'second')).toBe('second')

    const daemons = keychainDaemons(runtimeOf(doomed))
    for (const pid of daemons) process.kill(pid, 'SIGKILL')
    await waitUntil(() => daemons.every(gone), 'the killed daemons to end')

    expect(storeAndRead(kept, 'after the kill')).toBe('after the kill')
    expect(keychainDaemons(runtimeOf(kept))).toHaveLength(2)
  })

  it('sweeps up a killed run’s keychain, daemons and folder, as the next one starts', async () => {
    const stale = await killedRun()
    const daemons = keychainDaemons(stale)
    expect(daemons).toHaveLength(2)

    const next = start()
    await waitUntil(() => daemons.every(gone), 'the stale daemons to end')
    expect(existsSync(dirname(stale))).toBe(false)
    expect(storeAndRead(next, 'next run')).toBe('next run')
  })

  it('hands back the running keychain inside one, without starting another', () => {
    const outer = start()
    const saved = Object.fromEntries(
      Object.keys(outer.env).map((name) => [name, process.env[name]]),
    )
    Object.assign(process.env, outer.env)
    try {
      const inner = startPrivateKeychain()
      expect(inner.env).toEqual(outer.env)
      inner.stop()
      expect(storeAndRead(outer, 'still there')).toBe('still there')
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  })
})
