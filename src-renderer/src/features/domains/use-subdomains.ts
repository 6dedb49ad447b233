import type { Domain } from '../../../../src-shared/schemas/domains'
import { useChannelQuery } from '../../api/queries'

/** Most subdomains one page shows; the total tells when a zone has more. */
const SHOWN = 200

/** The subdomains of a top domain, by name; a subdomain has none of its own. */
export function useSubdomains(domain: Domain, enabled = true) {
  const query = useChannelQuery(
    'domains:list',
    { topId: domain.id, pageSize: SHOWN, dir: 'asc' },
    { enabled: enabled && domain.topId === null },
  )
  return { ...query, rows: query.data?.rows ?? [], total: query.data?.total ?? 0 }
}
