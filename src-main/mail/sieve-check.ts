import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What Pigeonhole says of a script: a message and the line it names, when it names one. */
export interface SieveProblem {
  message: string
  line?: number
}

function run(file: string, args: readonly string[]) {
  return new Promise<{ code: number | string; output: string }>((resolve) => {
    execFile(file, args, { timeout: 10_000 }, (error, stdout, stderr) => {
      const code = error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0
      resolve({ code, output: `${stdout}\n${stderr}` })
    })
  })
}

/**
 * Compiles a script with `sievec` on this machine, in a private temporary folder, the way the
 * server will (spec 2.3). Empty when it compiles; `undefined` when sievec is not installed, so
 * that the server's own compilation is the only check.
 */
export async function checkSieve(script: string): Promise<SieveProblem[] | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'orchestra-sieve-'))
  try {
    const file = join(dir, 'check.sieve')
    await writeFile(file, script, { mode: 0o600 })
    const { code, output } = await run('sievec', [file, join(dir, 'check.svbin')])
    if (code === 'ENOENT') return undefined
    if (code === 0) return []
    const problems = output
      .split('\n')
      .map((text) => /^check: line (\d+): (?:error: )?(.*)$/.exec(text.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .filter((match) => !/^error\(s\)|compilation failed/i.test(match[2]!))
      .map((match) => ({ line: Number(match[1]), message: match[2]!.trim() }))
    return problems.length ? problems : [{ message: 'Sieve refuses the script' }]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
