import { summarise } from '../measure'
import type { OneServerResult } from './one-server'
import type { PushSamples, Series } from './rounds'

/** The targets: no slower than the floor, at most a sixth of Ansible's time. */
export const FLOOR_MAX_RATIO = 1
export const ANSIBLE_MAX_RATIO = 1 / 6

const HEADERS = ['push one change', 'runs', 'median', 'p95', 'vs floor', 'vs Ansible', 'logins']
const ms = (value: number) => value.toFixed(0)
const ratio = (value: number) => `${value.toFixed(2)}×`
const yesNo = (met: boolean) => (met ? 'yes' : 'NO')
const median = (values: readonly number[]) => summarise(values).p50

/** "20", or "0–20" when runs differed. */
function loginsCell(logins: readonly number[]): string {
  const low = Math.min(...logins)
  const high = Math.max(...logins)
  return low === high ? String(low) : `${low}–${high}`
}

export function pushRows(samples: PushSamples, servers: number) {
  const floor = median(samples.floor.ms)
  const ansible = median(samples.ansible.ms)
  const row = (what: string, series: Series) => {
    const summary = summarise(series.ms)
    return {
      what,
      series,
      summary,
      vsFloor: summary.p50 / floor,
      vsAnsible: summary.p50 / ansible,
    }
  }
  return [
    row('ours, first change (cold connections)', samples.cold),
    row('ours, later changes (warm connections)', samples.warm),
    row(`floor: ${servers} × ssh … bash -s, in parallel`, samples.floor),
    row('floor, OpenSSH default key exchange', samples.floorOpenSshKex),
    row(`Ansible -m shell -f ${servers}, pipelining`, samples.ansible),
    row('Ansible again, ControlPersist masters kept', samples.ansibleWarm),
  ]
}

type PushRow = ReturnType<typeof pushRows>[number]

/** A Markdown table like the search section's, figures right-aligned. */
export function pushTable(rows: readonly PushRow[]): string[] {
  const cells = rows.map((row) => [
    row.what,
    String(row.summary.samples),
    ms(row.summary.p50),
    ms(row.summary.p95),
    ratio(row.vsFloor),
    ratio(row.vsAnsible),
    loginsCell(row.series.logins),
  ])
  const widths = HEADERS.map((header, i) =>
    Math.max(header.length, ...cells.map((line) => line[i]!.length)),
  )
  const pad = (cell: string, i: number) =>
    i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)
  const format = (line: string[]) => `| ${line.map(pad).join(' | ')} |`
  const rule = widths.map((width, i) =>
    i === 0 ? `-${'-'.repeat(width)}-` : `${'-'.repeat(width + 1)}:`,
  )
  return [format(HEADERS), `|${rule.join('|')}|`, ...cells.map(format)]
}

/** The promises, one line each; the cold change is the like-for-like comparison. */
export function pushVerdict(
  rows: readonly PushRow[],
  oneServer: OneServerResult,
): { lines: string[]; allMet: boolean } {
  const [cold, warm, , , , ansibleWarm] = rows
  // Warm against warm: Ansible's second command, over the masters its first one left.
  const warmVsAnsible = warm!.summary.p50 / ansibleWarm!.summary.p50
  const oneSummary = summarise(oneServer.ms)
  const checks = [
    {
      label: 'First change (cold) no slower than the floor',
      met: cold!.vsFloor <= FLOOR_MAX_RATIO,
      detail: `${ratio(cold!.vsFloor)} the floor`,
    },
    {
      label: 'First change (cold) at most 1/6 of Ansible',
      met: cold!.vsAnsible <= ANSIBLE_MAX_RATIO,
      detail: `1/${(1 / cold!.vsAnsible).toFixed(1)} of Ansible`,
    },
    {
      label: 'Later changes (warm) no slower than the floor',
      met: warm!.vsFloor <= FLOOR_MAX_RATIO,
      detail: `${ratio(warm!.vsFloor)} the floor`,
    },
    {
      label: 'Later changes (warm) at most 1/6 of Ansible with its masters kept',
      met: warmVsAnsible <= ANSIBLE_MAX_RATIO,
      detail: `1/${(1 / warmVsAnsible).toFixed(1)} of it`,
    },
    {
      label: `${oneServer.changes} operations on one server use one SSH connection`,
      met: oneServer.logins === 1,
      detail:
        `${oneServer.logins} login(s) for ${oneServer.changes} changes; ` +
        `${ms(oneSummary.p50)} ms median, ${ms(oneSummary.p95)} ms p95 per change`,
    },
  ]
  return {
    lines: checks.map((check) => `${check.label}: ${yesNo(check.met)} (${check.detail})`),
    allMet: checks.every((check) => check.met),
  }
}
