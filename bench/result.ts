import type { AccountRow } from '../src-shared/schemas/accounts'
import type { Page } from '../src-shared/schemas/common'
import type { FloorPage } from './floor'
import { summarise, type PairSamples, type Summary } from './measure'

export const CORE_SEARCH_P95_MS = 20
export const BRIDGE_MAX_RATIO = 3

export interface Target {
  label: string
  met: boolean
}

/** One line of the results table. */
export interface ResultRow {
  scenario: string
  ours: Summary
  floor: Summary
  /** Ours over the floor at the median: the headline, since both ran in the same process. */
  ratio: number
  target?: Target
}

export function resultRow(scenario: string, samples: PairSamples): ResultRow {
  const ours = summarise(samples.ours)
  const floor = summarise(samples.floor)
  return { scenario, ours, floor, ratio: ours.p50 / floor.p50 }
}

export function withSearchTarget(row: ResultRow): ResultRow {
  const met = row.ours.p95 < CORE_SEARCH_P95_MS
  return { ...row, target: { label: `p95 < ${CORE_SEARCH_P95_MS} ms`, met } }
}

export function withRatioTarget(row: ResultRow): ResultRow {
  const met = row.ratio <= BRIDGE_MAX_RATIO
  return { ...row, target: { label: `≤ ${BRIDGE_MAX_RATIO}× floor`, met } }
}

/**
 * Ours and the floor must return the same page (ids and contact counts) and the same total,
 * capped or not; a faster answer to a different question would make the comparison
 * meaningless, so the run stops instead.
 */
export function assertSameRows(scenario: string, ours: Page<AccountRow>, floor: FloorPage): void {
  const oursRows = ours.rows.map((row) => `${row.id}:${row.contactCount}`).join(',')
  const floorRows = floor.rows.map((row) => `${row.id}:${row.contact_count}`).join(',')
  const oursTotal = `${ours.total}${ours.totalExact === false ? '+' : ''}`
  const floorTotal = `${floor.total}${floor.totalExact ? '' : '+'}`
  if (oursRows !== floorRows || oursTotal !== floorTotal) {
    throw new Error(
      `${scenario}: ours and the floor disagree (ours ${oursTotal} total, rows ${oursRows}; ` +
        `floor ${floorTotal} total, rows ${floorRows})`,
    )
  }
}
