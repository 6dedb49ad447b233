import type { LoadReport } from './load'
import { BRIDGE_MAX_RATIO, CORE_SEARCH_P95_MS, type ResultRow } from './result'

const HEADERS = ['scenario', 'p50', 'p95', 'p99', 'floor p50', 'floor p95', 'ratio', 'target']
const ms = (value: number) => value.toFixed(2)
const yesNo = (met: boolean) => (met ? 'yes' : 'NO')

export function loadLines(load: LoadReport): string[] {
  const rss = load.rssMiB.toFixed(0)
  const heap = load.heapUsedMiB.toFixed(0)
  return [
    `Loaded ${load.accounts} accounts with ${load.contacts} contacts ` +
      `in ${load.seconds.toFixed(1)} s (database ${load.databaseMiB.toFixed(0)} MiB)`,
    `Memory after load: RSS ${rss} MiB, JS heap used ${heap} MiB`,
  ]
}

/** A Markdown table, so the same text reads in a terminal and pastes into an issue. */
export function resultTable(rows: readonly ResultRow[]): string[] {
  const headers = [...HEADERS, 'met']
  const cells = rows.map((row) => [
    row.scenario,
    ms(row.ours.p50),
    ms(row.ours.p95),
    ms(row.ours.p99),
    ms(row.floor.p50),
    ms(row.floor.p95),
    `${row.ratio.toFixed(2)}×`,
    row.target?.label ?? '-',
    row.target ? yesNo(row.target.met) : '-',
  ])
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...cells.map((line) => line[i]!.length)),
  )
  // The scenario reads best left-aligned; figures line up on the right.
  const pad = (cell: string, i: number) =>
    i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)
  const format = (line: string[]) => `| ${line.map(pad).join(' | ')} |`
  const rule = widths.map((width, i) =>
    i === 0 ? `-${'-'.repeat(width)}-` : `${'-'.repeat(width + 1)}:`,
  )
  return [format(headers), `|${rule.join('|')}|`, ...cells.map(format)]
}

/** The two promises of the issue, each as one line that says whether it holds. */
export function verdictLines(rows: readonly ResultRow[]): { lines: string[]; allMet: boolean } {
  const mix = rows.find((row) => row.scenario === 'core search, whole mix')!
  // Every search in the mix must meet it, not only the pooled figure.
  const searches = rows.filter((row) => row.scenario.startsWith('core search'))
  const slowest = searches.reduce((a, b) => (b.ours.p95 > a.ours.p95 ? b : a))
  const bridge = rows.filter((row) => row.scenario.startsWith('bridge'))
  const worst = Math.max(...bridge.map((row) => row.ratio))
  const searchMet = slowest.ours.p95 < CORE_SEARCH_P95_MS
  const bridgeMet = worst <= BRIDGE_MAX_RATIO
  return {
    lines: [
      `Core search p95 < ${CORE_SEARCH_P95_MS} ms, every search: ${yesNo(searchMet)} ` +
        `(slowest ${ms(slowest.ours.p95)} ms, ${slowest.scenario}; ` +
        `${ms(mix.ours.p95)} ms over the whole mix)`,
      `Bridge page ≤ ${BRIDGE_MAX_RATIO}× raw query: ${yesNo(bridgeMet)} ` +
        `(worst median ratio ${worst.toFixed(2)}×)`,
    ],
    allMet: searchMet && bridgeMet,
  }
}
