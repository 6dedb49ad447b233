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

const TYPES = 'A|AAAA|CNAME|MX|NS|SRV|TXT|SPF|CAA'
const isType = (line: ZoneLine, type: string) => line.text.includes(` IN ${type.padEnd(8)} `)
const declared = (lines: readonly ZoneLine[], owner: string) =>
  lines.filter((line) => line.domain === owner && line.record !== undefined)

/** A declared record of `owner` of `type`, pointing at `target` when one is named. */
function declaredRecord(lines: readonly ZoneLine[], owner: string, type: string, target = '') {
  const ofType = declared(lines, owner).filter((line) => isType(line, type))
  const aimed = target && ofType.find((line) => line.text.trimEnd().endsWith(` ${target}.`))
  return aimed || ofType[0]
}

/**
 * The line a message is about. BIND names it by number (`zone:5: …`), by `owner/TYPE 'target'`
 * in the integrity checks, or, for an apex NS, by `NS 'target'` alone. A CNAME beside other
 * data is reported on whichever line came second; the CNAME is the record at fault.
 */
function locate(message: string, lines: readonly ZoneLine[]): ZoneLine | undefined {
  const number = /:(\d+): /.exec(message)?.[1]
  const numbered = number ? lines[Number(number) - 1] : undefined
  if (numbered && message.includes('CNAME and other data')) {
    return declaredRecord(lines, numbered.domain, 'CNAME') ?? numbered
  }
  if (numbered) return numbered
  const named = new RegExp(`([\\w.*-]+)/(${TYPES})\\b(?: '([^']+)')?`).exec(message)
  if (named) {
    const [, owner, type, target] = named
    return declaredRecord(lines, owner!, type!, target) ?? declared(lines, owner!)[0]
  }
  const apexNs = /^zone ([\w.-]+)\/IN: NS '([^']+)'/.exec(message)
  if (apexNs) return declaredRecord(lines, apexNs[1]!, 'NS', apexNs[2])
  return undefined
}

/** BIND's terse words for what users meet most, with what they mean for the records. */
const EXPLAINED: [RegExp, string][] = [
  [
    /CNAME and other data$/,
    ': a CNAME must be the only record of its name, and a top domain always has SOA and NS',
  ],
  [/bad owner name \(check-names\)$/, ': a name with an underscore cannot have A, AAAA or MX'],
]

/** BIND's message without its routine and file prefixes: `www.example.org: CNAME and …`. */
function cleanMessage(message: string, file: string): string {
  const clean = message
    .replace(/^dns_\w+: /, '')
    .replace(`${file}:`, 'line ')
    .replace(/^line \d+: /, '')
    .replace(/^zone [^ ]+\/IN: /, '')
  const explained = EXPLAINED.find(([pattern]) => pattern.test(clean))
  return explained ? clean + explained[1] : clean
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
      message: cleanMessage(message, file),
      line: locate(message.replace(`${file}:`, 'zone:'), lines),
    }))
    return problems.length ? problems : [{ message: 'BIND refuses the zone' }]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
