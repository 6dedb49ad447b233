import type { Domain } from '../../../../src-shared/schemas/domains'
import { useChannelQuery } from '../../api/queries'

/**
 * The subdomains of a top domain. `domains:list` has no filter by top, so this searches for the
 * top's name (every subdomain ends with it) and keeps the rows whose top it is.
 * TODO(#5): ask `domains:list` for a `topId` filter; past 200 matches this list is cut short.
 */
export function useSubdomains(domain: Domain, enabled = true) {
  const query = useChannelQuery(
    'domains:list',
    { q: domain.name, pageSize: 200 },
    { enabled: enabled && domain.topId === null },
  )
  const rows = (query.data?.rows ?? []).filter((row) => row.topId === domain.id)
  return { ...query, rows }
}
