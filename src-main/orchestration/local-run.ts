import { spawn } from 'node:child_process'
import { StringDecoder } from 'node:string_decoder'
import type { ExecRequest, ExecResult } from './ssh/connection-pool'

/**
 * The local method: the script runs on the machine the app runs on, with the same contract as
 * over SSH. It gets its own process group so that a timeout ends it and everything it started.
 */
export function runLocalScript(request: ExecRequest): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(request.executable, ['-s'], { detached: true, stdio: 'pipe' })
    const out = new StringDecoder('utf8')
    const err = new StringDecoder('utf8')
    let stdout = ''
    let stderr = ''
    let timedOut = false

    child.stdout.on('data', (chunk: Buffer) => {
      const text = out.write(chunk)
      stdout += text
      if (text) request.onStdout?.(text)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      const text = err.write(chunk)
      stderr += text
      if (text) request.onStderr?.(text)
    })
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // Already gone between the timer and the kill.
      }
    }, request.timeoutMs)

    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ exitCode: null, stdout, stderr: stderr + error.message, timedOut })
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      stdout += out.end()
      stderr += err.end()
      resolve({ exitCode: code, ...(signal && { signal }), stdout, stderr, timedOut })
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(request.script)
  })
}
