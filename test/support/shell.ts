import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Running and checking generated scripts with the real tools. */

/** What bash does with a script fed on standard input, as `bash -s` runs it on a server. */
export function runBash(script: string | Buffer, options: { cwd?: string; locale?: string } = {}) {
  const result = spawnSync('bash', ['-s'], {
    input: script,
    cwd: options.cwd,
    env: { PATH: process.env.PATH, LC_ALL: options.locale ?? 'C.UTF-8' },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') }
}

/**
 * bash -n and `shellcheck -s bash -S warning` over several scripts, written to `dir` and
 * checked by one shellcheck process. Returns what either had to say: empty when all is well.
 */
export function checkScripts(dir: string, scripts: Record<string, string>): string[] {
  const files = Object.entries(scripts).map(([name, text]) => {
    const file = join(dir, `${name}.sh`)
    writeFileSync(file, text)
    return file
  })
  const problems = files.flatMap((file) => {
    const parsed = spawnSync('bash', ['-n', file], { encoding: 'utf8' })
    return parsed.status === 0 ? [] : [`bash -n ${file}: ${parsed.stderr}`]
  })
  const options = ['-s', 'bash', '-S', 'warning', '-f', 'gcc']
  const shellcheck = spawnSync('shellcheck', [...options, ...files], { encoding: 'utf8' })
  if (shellcheck.error) throw shellcheck.error
  return [...problems, ...shellcheck.stdout.split('\n').filter(Boolean)]
}
