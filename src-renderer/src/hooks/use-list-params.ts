import { useCallback, useEffect } from 'react'
import { useSearchParams } from 'react-router-dom'

type SortDir = 'asc' | 'desc'

export interface ListDefaults<Sort extends string> {
  sort: Sort
  dir?: SortDir
  pageSize?: number
}

export type ParamPatch = Record<string, string | number | undefined | null>

/**
 * List state (search, page, sort, filters) lives in the address, so Back returns to the same
 * page of the same search and a list can be linked to.
 */
export function useListParams<Sort extends string>(
  sorts: readonly Sort[],
  defaults: ListDefaults<Sort>,
) {
  const [params, setParams] = useSearchParams()

  const rawSort = params.get('sort') as Sort | null
  const sort = rawSort && sorts.includes(rawSort) ? rawSort : defaults.sort
  const dir: SortDir = params.get('dir') === 'desc' ? 'desc' : (defaults.dir ?? 'asc')
  const page = Math.max(1, Number(params.get('page')) || 1)
  const pageSize = Number(params.get('size')) || defaults.pageSize || 25
  const q = params.get('q') ?? ''

  // Anything but a page change starts again from page one.
  const update = useCallback(
    (patch: ParamPatch) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous)
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(key)
            else next.set(key, String(value))
          }
          if (!('page' in patch)) next.delete('page')
          return next
        },
        { replace: true },
      )
    },
    [setParams],
  )

  const toggleSort = useCallback(
    (column: Sort) => {
      const nextDir = column === sort && dir === 'asc' ? 'desc' : 'asc'
      update({ sort: column, dir: nextDir })
    },
    [sort, dir, update],
  )

  return { params, q, page, pageSize, sort, dir, update, toggleSort }
}

/** After deletions the current page may lie past the end; step back to the first page. */
export function usePageInRange(
  list: { page: number; update: (patch: ParamPatch) => void },
  data: { rows: unknown[]; total: number } | undefined,
) {
  const { page, update } = list
  const pastEnd = data !== undefined && data.rows.length === 0 && data.total > 0 && page > 1

  useEffect(() => {
    if (pastEnd) update({ page: null })
  }, [pastEnd, update])
}
