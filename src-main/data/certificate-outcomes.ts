import { and, asc, eq, gt, inArray, max } from 'drizzle-orm'
import { backendLogs, backendOperations } from '../db/schema'
import type { Tx } from '../db/store'
import {
  certbotWebrootBackend,
  FAILED_CLOSE,
  FAILED_OPEN,
  ISSUED_CLOSE,
  ISSUED_OPEN,
} from '../orchestration/backends/certificates'

/** What the panel learnt of one certificate from the scripts that ran for it. */
export type CertificateOutcome =
  | { kind: 'issued'; lineage: string; notBefore: string; notAfter: string; serial: string }
  | { kind: 'failed'; error: string }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** The longest error kept on a certificate: the end of certbot's output says why. */
const MAX_ERROR = 2000

/** openssl's `Dec  4 07:02:28 2026 GMT` as an ISO instant in UTC, or undefined. */
export function parseOpensslDate(text: string): string | undefined {
  const match = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/.exec(text.trim())
  if (!match) return undefined
  const [, month, day, hours, minutes, seconds, year] = match
  const index = MONTHS.indexOf(month!)
  if (index < 0) return undefined
  const time = Date.UTC(
    Number(year),
    index,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
  )
  return new Date(time).toISOString()
}

function section(text: string, open: string, close: string): string | undefined {
  const start = text.indexOf(`${open}\n`)
  if (start < 0) return undefined
  const end = text.indexOf(`\n${close}`, start)
  return end < 0 ? undefined : text.slice(start + open.length + 1, end)
}

const tail = (text: string) => {
  const trimmed = text.trim()
  return trimmed.length > MAX_ERROR ? `…${trimmed.slice(-MAX_ERROR)}` : trimmed
}

/** Reads one certificate's part of a script's standard output; undefined when absent. */
export function parseCertificateOutput(stdout: string, id: number): CertificateOutcome | undefined {
  const failed = section(stdout, FAILED_OPEN(id), FAILED_CLOSE)
  if (failed !== undefined) return { kind: 'failed', error: tail(failed) || 'certbot failed' }
  const issued = section(stdout, ISSUED_OPEN(id), ISSUED_CLOSE)
  if (issued === undefined) return undefined
  const fields = new Map<string, string>()
  for (const line of issued.split('\n')) {
    const at = line.indexOf('=')
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1))
  }
  const lineage = fields.get('lineage')
  const notBefore = parseOpensslDate(fields.get('notBefore') ?? '')
  const notAfter = parseOpensslDate(fields.get('notAfter') ?? '')
  if (!lineage || !notBefore || !notAfter) {
    return { kind: 'failed', error: `The server printed an unreadable certificate: ${issued}` }
  }
  return { kind: 'issued', lineage, notBefore, notAfter, serial: fields.get('serial') ?? '' }
}

/** The newest operation id: what runs after a change has a higher one. */
export async function operationWatermark(tx: Tx): Promise<number> {
  const [row] = await tx.select({ id: max(backendOperations.id) }).from(backendOperations)
  return row?.id ?? 0
}

/**
 * What became of each certificate saved after `watermark`, from the logs of the certbot
 * backend. A certificate sent to several servers is issued only if every one issued it; one
 * that no route took, or whose script never ran, failed with the reason.
 */
export async function collectOutcomes(
  tx: Tx,
  watermark: number,
  ids: readonly number[],
): Promise<Map<number, CertificateOutcome>> {
  const outcomes = new Map<number, CertificateOutcome>()
  if (!ids.length) return outcomes
  const rows = await tx
    .select({
      objectId: backendOperations.objectId,
      state: backendOperations.state,
      logState: backendLogs.state,
      serverName: backendLogs.serverName,
      stdout: backendLogs.stdout,
      stderr: backendLogs.stderr,
      error: backendLogs.error,
    })
    .from(backendOperations)
    .leftJoin(backendLogs, eq(backendLogs.id, backendOperations.logId))
    .where(
      and(
        gt(backendOperations.id, watermark),
        eq(backendOperations.objectType, 'certificate'),
        eq(backendOperations.backend, certbotWebrootBackend.id),
        eq(backendOperations.action, 'save'),
        inArray(backendOperations.objectId, [...ids]),
      ),
    )
    .orderBy(asc(backendOperations.id))
  for (const id of ids) {
    const mine = rows.filter((row) => row.objectId === id)
    let outcome: CertificateOutcome | undefined
    for (const row of mine) {
      const next = outcomeOf(row, id)
      if (!outcome || next.kind === 'failed') outcome = next
      if (next.kind === 'failed') break
    }
    outcomes.set(
      id,
      outcome ?? {
        kind: 'failed',
        error: `Nothing ran: no route sends ${certbotWebrootBackend.id} to a server`,
      },
    )
  }
  return outcomes
}

function outcomeOf(
  row: {
    state: string
    logState: string | null
    serverName: string | null
    stdout: string | null
    stderr: string | null
    error: string | null
  },
  id: number,
): CertificateOutcome {
  if (row.state === 'NOT_ROUTED') {
    return {
      kind: 'failed',
      error: `Nothing ran: no route sends ${certbotWebrootBackend.id} to a server`,
    }
  }
  const parsed = parseCertificateOutput(row.stdout ?? '', id)
  if (parsed?.kind === 'failed') return parsed
  if (row.state === 'SUCCESS' && parsed) return parsed
  const where = row.serverName ? ` on ${row.serverName}` : ''
  const why = row.error || tail(row.stderr ?? '') || `the operation ended ${row.state}`
  return { kind: 'failed', error: `${row.logState ?? row.state}${where}: ${why}` }
}
