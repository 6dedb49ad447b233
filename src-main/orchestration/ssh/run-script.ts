import type { Client, ClientChannel } from 'ssh2'
import { shellQuote } from '../../core/escape'
import { randomBytes } from 'node:crypto'
import { pgidSplitter, textCollector } from './script-output'

export interface ExecRequest {
  /** The interpreter on the server, e.g. `/bin/bash`; it is run as `<executable> -s`. */
  executable: string
  /** Fed on standard input, so it never shows up in the server's process list. */
  script: string
  timeoutMs: number
  onStdout?: (text: string) => void
  onStderr?: (text: string) => void
}

export interface ExecResult {
  /** null when the script was ended by a signal (then `signal` says which) or never exited. */
  exitCode: number | null
  signal?: string
  stdout: string
  stderr: string
  timedOut: boolean
}

/** How long the server gets to report the killed script before the channel is closed. */
const KILL_GRACE_MS = 2_000

/** A command line for the login shell and what to feed it on stdin. */
export interface ChannelRequest extends Omit<ExecRequest, 'executable' | 'script'> {
  command: string
  input: string
}

/**
 * sshd starts the command as a session and process group leader (no pty), and `exec` keeps
 * that PID for the command, so the printed `$$` names the group everything it starts is in.
 */
function wrapperCommand(marker: string, command: string): string {
  return `echo ${marker}$$; exec ${command}`
}

function openChannel(client: Client, command: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => (error ? reject(error) : resolve(channel)))
  })
}

/**
 * Kills the script's process group from a second channel. Neither closing the channel (no pty,
 * so no hangup) nor a signal request (OpenSSH refuses those for root logins, which have no
 * privilege-separated child) would stop a `sleep 600` on the server.
 */
async function killGroup(client: Client, pgid: number): Promise<void> {
  const channel = await openChannel(client, `kill -9 -${pgid}`)
  channel.resume()
  channel.stderr.resume()
  await new Promise((resolve) => channel.once('close', resolve))
}

/** Runs one script as `<executable> -s` with the script on stdin. */
export function runScript(client: Client, request: ExecRequest): Promise<ExecResult> {
  const { executable, script, ...rest } = request
  return runOnChannel(client, { ...rest, command: `${shellQuote(executable)} -s`, input: script })
}

/**
 * Runs a command on its own channel of an open connection. Resolves when the channel closes;
 * rejects only when the channel cannot be opened (the caller maps connection failures).
 */
export async function runOnChannel(client: Client, request: ChannelRequest): Promise<ExecResult> {
  // A fresh marker per script, so no output can be mistaken for it.
  const marker = `orchestra-pgid-${randomBytes(6).toString('hex')}:`
  const channel = await openChannel(client, wrapperCommand(marker, request.command))
  const stdout = textCollector(request.onStdout)
  const stderr = textCollector(request.onStderr)
  let pgid: number | undefined
  let exitCode: number | null = null
  let signal: string | undefined
  let timedOut = false

  return new Promise((resolve) => {
    const timers: NodeJS.Timeout[] = []
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      timers.forEach(clearTimeout)
      splitter.end()
      const result = { exitCode, stdout: stdout.end(), stderr: stderr.end(), timedOut }
      resolve(signal === undefined ? result : { ...result, signal })
    }

    let killSent = false
    const kill = () => {
      if (killSent || pgid === undefined) return
      killSent = true
      killGroup(client, pgid).catch(() => channel.close())
    }
    // The channel closes by itself once the group is dead; if not, close it and move on.
    const giveUp = () => {
      channel.close()
      timers.push(setTimeout(finish, KILL_GRACE_MS))
    }
    const onTimeout = () => {
      timedOut = true
      kill()
      timers.push(setTimeout(giveUp, KILL_GRACE_MS))
    }
    timers.push(setTimeout(onTimeout, request.timeoutMs))

    const onPgid = (id: number) => {
      pgid = id
      // A timeout shorter than the wrapper's first line still kills the script.
      if (timedOut) kill()
    }
    const splitter = pgidSplitter(marker, (chunk) => stdout.write(chunk), onPgid)
    channel.on('data', splitter.write)
    channel.stderr.on('data', (chunk: Buffer) => stderr.write(chunk))
    channel.on('exit', (code: number | null, signalName?: string) => {
      exitCode = code
      if (signalName) signal = signalName
    })
    channel.on('close', finish)
    channel.end(request.input)
  })
}
