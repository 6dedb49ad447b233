import type { Core } from '../src-main/core/core'
import type { AccountFloor } from './floor'
import { measurePairs, pooled } from './measure'
import { assertSameRows, resultRow, withSearchTarget, type ResultRow } from './result'
import { PAGE_SIZE, SEARCH_MIX, type SearchTerm } from './terms'

interface Rounds {
  warmup: number
  rounds: number
}

/**
 * Page one through the dispatcher, as the renderer calls it: request validation, the read unit
 * of work and the mapping are all inside the timing.
 */
function dispatchFirstPage(core: Core, q: string) {
  return core.dispatcher.dispatch('accounts:list', { q, page: 1, pageSize: PAGE_SIZE })
}

export async function benchCoreSearch(
  core: Core,
  floor: AccountFloor,
  rounds: Rounds,
): Promise<ResultRow[]> {
  const search = (term: SearchTerm) => dispatchFirstPage(core, term.q)
  const raw = (term: SearchTerm) => floor.firstPage(term.q, PAGE_SIZE)
  for (const term of SEARCH_MIX) assertSameRows(`search "${term.q}"`, await search(term), raw(term))

  const samples = await measurePairs({ cases: SEARCH_MIX, ours: search, floor: raw, ...rounds })
  const perTerm = SEARCH_MIX.map((term) =>
    withSearchTarget(resultRow(`core search "${term.q}" (${term.label})`, samples.get(term)!)),
  )
  const all = withSearchTarget(resultRow('core search, whole mix', pooled(samples.values())))
  return [...perTerm, all]
}

/** The unsearched first page without HTTP: what the bridge adds shows against this row. */
export async function benchCoreFirstPage(
  core: Core,
  floor: AccountFloor,
  rounds: Rounds,
): Promise<ResultRow> {
  const scenario = 'core first page, by username'
  assertSameRows(scenario, await dispatchFirstPage(core, ''), floor.firstPage('', PAGE_SIZE))
  const samples = await measurePairs({
    cases: [''],
    ours: (q) => dispatchFirstPage(core, q),
    floor: (q) => floor.firstPage(q, PAGE_SIZE),
    ...rounds,
  })
  return resultRow(scenario, samples.get('')!)
}
