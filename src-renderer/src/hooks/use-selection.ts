import { useCallback, useMemo, useState } from 'react'

/** Rows picked for a bulk action; kept by id so the choice survives paging and sorting. */
export function useSelection<Row extends { id: number }>() {
  const [selected, setSelected] = useState<ReadonlyMap<number, Row>>(new Map())

  const toggle = useCallback((row: Row) => {
    setSelected((previous) => {
      const next = new Map(previous)
      if (next.has(row.id)) next.delete(row.id)
      else next.set(row.id, row)
      return next
    })
  }, [])

  const setMany = useCallback((rows: Row[], on: boolean) => {
    setSelected((previous) => {
      const next = new Map(previous)
      for (const row of rows) {
        if (on) next.set(row.id, row)
        else next.delete(row.id)
      }
      return next
    })
  }, [])

  const clear = useCallback(() => setSelected(new Map()), [])
  const rows = useMemo(() => [...selected.values()], [selected])

  return {
    rows,
    count: selected.size,
    has: (id: number) => selected.has(id),
    toggle,
    setMany,
    clear,
  }
}

export type Selection<Row extends { id: number }> = ReturnType<typeof useSelection<Row>>
