import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ZoneLine } from './zone'

/** What BIND itself says of a zone, located on a line where it can be. */
export interface ZoneProblem {
  message: string
  /** The line of the zone the message is about, when it names one. */
  line?: ZoneLine
}

/** The same check the server runs before it loads a zone (bind9-utils). */
export const CHECKZONE_ARGS = ['-k', 'fail', '-n', 'fail', '-i', 'full'] as const

function run(file: string, args: readonly string[]) {
  return new Promise<{ code: number | string; output: string }>((resolve) => {
    execFile(file, args, { timeout: 10_000 }, (error, stdout, stderr) => {
      const code = error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0
      resolve({ code, output: `${stdout}\n${stderr}` })
    })
  })
}

/** Finds the line a message is about: by its line number, else by `owner/TYPE` it names. */
function locate(message: string, lines: readonly ZoneLine[]): ZoneLine | undefined {
  const number = /:(\d+): /.exec(message)?.[1]
  if (number) return lines[Number(number) - 1]
  const named = /([\w.*-]+)\/(A|AAAA|CNAME|MX|NS|SRV|TXT|SPF|CAA)\b/.exec(message)
  if (!named) return undefined
  const [, owner, type] = named
  const candidates = lines.filter((l) => l.domain === owner && l.record !== undefined)
  return candidates.find((l) => l.text.includes(` IN ${type!.padEnd(8)} `)) ?? candidates[0]
}

/**
 * Checks a zone with `named-checkzone` on this machine, in a private temporary folder, and
 * returns its complaints (empty when BIND would load the zone). `undefined` when the tool is
 * not installed: the server checks the zone again before it replaces the live one.
 */
export async function checkZone(
  origin: string,
  lines: readonly ZoneLine[],
): Promise<ZoneProblem[] | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'orchestra-zone-'))
  try {
    const file = join(dir, 'zone')
    await writeFile(file, `${lines.map((l) => l.text).join('\n')}\n`, { mode: 0o600 })
    const { code, output } = await run('named-checkzone', [...CHECKZONE_ARGS, origin, file])
    if (code === 'ENOENT') return undefined
    if (code === 0) return []
    const messages = [...new Set(output.split('\n').map((text) => text.trim()))].filter(
      (text) => text && !/not loaded due to errors|loading from master file|^OK$/.test(text),
    )
    const problems = messages.map((message) => ({
      message: message.replace(`${file}:`, 'line '),
      line: locate(message, lines),
    }))
    return problems.length ? problems : [{ message: 'BIND refuses the zone' }]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
