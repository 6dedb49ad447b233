import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { test as base, expect, type Page, type TestInfo } from '@playwright/test'
import type {
  ChannelName,
  ChannelRequest,
  ChannelResponse,
} from '../../src-shared/contract/channels'
import type { ErrorBody } from '../../src-shared/errors'

const ROOT = join(__dirname, '..', '..')
const CLI = join(ROOT, 'bin', 'orchestra.js')
const PAGE_URL_LINE = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)$/
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 5_000

/** Where the screenshots for the resolving note go; Playwright's outputDir is emptied each run. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots')

/** A bridge started for one test by `orchestra serve`, as a user would start it. */
export interface BridgeServer {
  /** `http://127.0.0.1:PORT`, also the tests' baseURL. */
  url: string
  token: string
  /** The printed address with the token in its fragment. */
  pageUrl: string
  dataDir: string
}

/** Calls the bridge's HTTP API with the token, for seeding and checking what the UI did. */
export interface BridgeApi {
  call<N extends ChannelName>(name: N, request: ChannelRequest<N>): Promise<ChannelResponse<N>>
}

export class BridgeCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`Bridge answered ${status}: ${body.code} ${body.message}`)
  }
}

interface Fixtures {
  dataDir: string
  bridge: BridgeServer
  api: BridgeApi
  /** A page on the interface, loaded and ready, that fails the test on any uncaught error. */
  app: Page
}

export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'orchestra-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },

  bridge: async ({ dataDir }, use, testInfo) => {
    const { server, child, output } = await startServer(dataDir)
    await use(server)
    await stopServer(child)
    if (testInfo.status !== testInfo.expectedStatus)
      await attachServerLogs(testInfo, output, dataDir)
  },

  baseURL: async ({ bridge }, use) => {
    await use(bridge.url)
  },

  api: async ({ request, bridge }, use) => {
    await use({
      async call(name, body) {
        const response = await request.post(`/api/${name}`, {
          // A fresh connection per call: a kept-alive one that the bridge closes after its
          // idle time can be reset under a call sent at that moment (ECONNRESET).
          headers: { Authorization: `Bearer ${bridge.token}`, Connection: 'close' },
          data: body,
        })
        const json = (await response.json()) as { error?: ErrorBody }
        if (!response.ok()) throw new BridgeCallError(response.status(), json.error!)
        return json as never
      },
    })
  },

  app: async ({ page, bridge }, use) => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message))

    await page.goto(bridge.pageUrl)
    await waitForApp(page)
    await use(page)

    expect(pageErrors, 'uncaught errors in the page').toEqual([])
  },
})

export { expect }

/** The shell is drawn and the first page has loaded its data. */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await expectPageReady(page)
}

/**
 * Every page marks its root `data-ready="true"` once its data has loaded and settled (a loader
 * stands in with `false` before). Check the heading or the address first, so that this does
 * not pass on the page being left.
 */
export async function expectPageReady(page: Page): Promise<void> {
  await expect(page.locator('main [data-ready]')).toHaveAttribute('data-ready', 'true')
}

/**
 * A notification is shown; then the user closes it, so it covers nothing after. `timeout`
 * waits longer for one that follows a slow server step.
 */
export async function expectNotification(
  page: Page,
  text: string | RegExp,
  options: { timeout?: number } = {},
): Promise<void> {
  const toast = page.getByRole('alert').filter({ hasText: text })
  await expect(toast).toBeVisible(options)
  await toast.getByRole('button').first().click()
  await expect(toast).toBeHidden()
}

/** Saves a screenshot for the resolving note and attaches it to the report. */
export async function saveScreenshot(
  page: Page,
  name: string,
  testInfo: TestInfo,
  options: { fullPage?: boolean } = {},
) {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', ...options })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** Fills the bridge's database with invented accounts through the command line. */
export async function seedDemoData(bridge: BridgeServer, accounts: number): Promise<void> {
  const args = [CLI, 'demo-data', '--data-dir', bridge.dataDir, '--accounts', String(accounts)]
  await promisify(execFile)(process.execPath, args, { cwd: ROOT })
}

/** A bridge a test starts itself, e.g. on an exported file with `--read-only`. */
export interface StartedBridge {
  server: BridgeServer
  stop(): Promise<void>
}

/** Starts `orchestra serve` on `dataDir` with more arguments (`--database F --read-only`). */
export async function startBridge(dataDir: string, serveArgs: string[]): Promise<StartedBridge> {
  const { server, child } = await startServer(dataDir, serveArgs)
  return { server, stop: () => stopServer(child) }
}

// Server process

async function startServer(dataDir: string, serveArgs: string[] = []) {
  const args = [CLI, 'serve', '--data-dir', dataDir, '--port', '0', ...serveArgs]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ORCHESTRA_OPERATOR: 'e2e@playwright' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))

  const server = await new Promise<BridgeServer>((resolve, reject) => {
    let pending = ''
    const timer = setTimeout(() => fail('did not print its address in time'), START_TIMEOUT_MS)
    function fail(why: string) {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`orchestra serve ${why}:\n${output.join('')}`))
    }
    child.on('exit', (code, signal) => fail(`exited early (${code ?? signal})`))
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString())
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const match = PAGE_URL_LINE.exec(line.trim())
        if (!match) continue
        clearTimeout(timer)
        child.removeAllListeners('exit')
        resolve({ url: match[1]!, token: match[2]!, pageUrl: line.trim(), dataDir })
      }
    })
  })
  return { server, child, output }
}

/** SIGTERM lets `serve` close the bridge and the database; SIGKILL if it hangs. */
async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}

async function attachServerLogs(testInfo: TestInfo, output: string[], dataDir: string) {
  await testInfo.attach('serve-output.txt', { body: output.join(''), contentType: 'text/plain' })
  const logDir = join(dataDir, 'logs')
  const files = await readdir(logDir).catch(() => [] as string[])
  for (const file of files) {
    const body = await readFile(join(logDir, file))
    await testInfo.attach(file, { body, contentType: 'text/plain' })
  }
}
