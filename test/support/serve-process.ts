import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type {
  ChannelName,
  ChannelRequest,
  ChannelResponse,
} from '../../src-shared/contract/channels'
import type { ErrorBody } from '../../src-shared/errors'

const ROOT = join(__dirname, '..', '..')
const CLI = join(ROOT, 'bin', 'orchestra.js')
const PAGE_URL_LINE = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)$/

/** `orchestra serve` in its own process, as a second workstation would run it. */
export interface ServeProcess {
  url: string
  token: string
  /** A call through the HTTP API: the JSON answer, or `{ error }` with the status. */
  call<N extends ChannelName>(
    name: N,
    body: ChannelRequest<N>,
  ): Promise<{ status: number; json: ChannelResponse<N> & { error?: ErrorBody } }>
  /** Opens the event stream and collects `data:changed` payloads as they arrive. */
  watch(): Promise<{ events: unknown[]; close(): void }>
  stop(): Promise<void>
  /** Ends the process at once (SIGKILL), as a crash or a killed app would. */
  kill(): Promise<void>
}

export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail('printed no address in 30 s'), 30_000)
    function fail(why: string) {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`orchestra serve ${why}:\n${output.join('')}`))
    }
    child.once('exit', (code) => fail(`exited with ${code}`))
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString())
      for (const line of chunk.toString().split('\n')) {
        const match = PAGE_URL_LINE.exec(line.trim())
        if (!match) continue
        clearTimeout(timer)
        child.removeAllListeners('exit')
        resolve({ url: match[1]!, token: match[2]! })
      }
    })
  })
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }

  const serve: ServeProcess = {
    url,
    token,
    async call(name, body) {
      const response = await fetch(`${url}/api/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      })
      return { status: response.status, json: (await response.json()) as never }
    },
    async watch() {
      const controller = new AbortController()
      const response = await fetch(`${url}/api/events`, { headers, signal: controller.signal })
      const events: unknown[] = []
      void (async () => {
        const decoder = new TextDecoder()
        let pending = ''
        try {
          for await (const chunk of response.body!) {
            pending += decoder.decode(chunk as Uint8Array, { stream: true })
            const messages = pending.split('\n\n')
            pending = messages.pop() ?? ''
            for (const message of messages) {
              const data = /^data: (.*)$/m.exec(message)
              if (/^event: data:changed$/m.test(message) && data) events.push(JSON.parse(data[1]!))
            }
          }
        } catch {
          // Aborted by close().
        }
      })()
      return { events, close: () => controller.abort() }
    },
    stop: () => stopProcess(child),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGKILL')
      await exited
    },
  }
  return serve
}

export type { ErrorBody }

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
