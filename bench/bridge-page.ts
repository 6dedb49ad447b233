import type { Core } from '../src-main/core/core'
import { startBridge } from '../src-main/bridge/server'
import type { Page } from '../src-shared/schemas/common'
import type { AccountRow } from '../src-shared/schemas/accounts'
import type { AccountFloor } from './floor'
import { measurePairs } from './measure'
import { assertSameRows, resultRow, withRatioTarget, type ResultRow } from './result'
import { PAGE_SIZE } from './terms'

interface PageCase {
  label: string
  q: string
}

const CASES: readonly PageCase[] = [
  { label: 'bridge first page, by username', q: '' },
  { label: 'bridge first page, search "puig"', q: 'puig' },
]

/**
 * The account list's first page as the browser interface loads it: an HTTP POST to the loopback
 * bridge with its token, JSON both ways. The floor is the same rows queried in-process.
 */
export async function benchBridgePage(
  core: Core,
  floor: AccountFloor,
  rounds: { warmup: number; rounds: number },
): Promise<ResultRow[]> {
  const bridge = await startBridge({ core, port: 0 })
  try {
    const fetchPage = async (item: PageCase): Promise<Page<AccountRow>> => {
      const response = await fetch(`${bridge.url}/api/accounts:list`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ q: item.q, page: 1, pageSize: PAGE_SIZE, sort: 'username' }),
      })
      if (!response.ok) throw new Error(`${item.label}: HTTP ${response.status}`)
      return (await response.json()) as Page<AccountRow>
    }
    const raw = (item: PageCase) => floor.firstPage(item.q, PAGE_SIZE)
    for (const item of CASES) assertSameRows(item.label, await fetchPage(item), raw(item))

    const samples = await measurePairs({ cases: CASES, ours: fetchPage, floor: raw, ...rounds })
    return CASES.map((item) => withRatioTarget(resultRow(item.label, samples.get(item)!)))
  } finally {
    await bridge.close()
  }
}
