import { useQuery } from '@tanstack/react-query'
import type { DomainDetail } from '../../../../src-shared/schemas/domains'
import { useApi } from '../../api/client-context'

/**
 * The selected domains and every subdomain of the selected tops (spec 1.8), with their
 * records, in the order a zone reads: each top, then its subdomains by name.
 */
export function useBulkRecords(ids: number[]) {
  const api = useApi()
  return useQuery({
    queryKey: ['domains:get', { bulk: ids }],
    enabled: ids.length > 0,
    queryFn: async (): Promise<DomainDetail[]> => {
      const selected = await Promise.all(ids.map((id) => api['domains:get']({ id })))
      const tops = selected.filter((detail) => detail.domain.topId === null)
      const pages = await Promise.all(
        tops.map((top) => api['domains:list']({ topId: top.domain.id, pageSize: 200, dir: 'asc' })),
      )
      const known = new Set(ids)
      const extra = pages.flatMap((page) => page.rows).filter((row) => !known.has(row.id))
      const subdomains = await Promise.all(extra.map((row) => api['domains:get']({ id: row.id })))
      const all = [...selected, ...subdomains]
      const zoneOf = (d: DomainDetail) =>
        all.find((other) => other.domain.id === d.domain.topId)?.domain.name ?? d.domain.name
      return all.sort(
        (a, b) =>
          zoneOf(a).localeCompare(zoneOf(b)) ||
          Number(a.domain.topId !== null) - Number(b.domain.topId !== null) ||
          a.domain.name.localeCompare(b.domain.name),
      )
    },
  })
}
