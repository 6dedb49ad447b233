import { eq } from 'drizzle-orm'
import { websitesMounting, websitesOnDomain } from '../../data/websites'
import { certificates } from '../../db/schema'
import type { RelatedModel } from '../backend'

/**
 * What else re-saves a website (spec 6.5): a web app changes every site mounting it (its
 * folder, its PHP runtime), a domain every site answering for it, removal included, and a
 * certificate its site, whose TLS virtual host then uses (or stops using) its files.
 */
export const WEBSITE_RELATED: readonly RelatedModel[] = [
  { model: 'webapp', owners: (tx, webappId) => websitesMounting(tx, webappId) },
  { model: 'domain', owners: (tx, domainId) => websitesOnDomain(tx, domainId) },
  {
    model: 'certificate',
    async owners(tx, certificateId, snapshot) {
      const [row] = await tx
        .select({ websiteId: certificates.websiteId })
        .from(certificates)
        .where(eq(certificates.id, certificateId))
      const known = snapshot as { websiteId?: number } | undefined
      const websiteId = row?.websiteId ?? known?.websiteId
      return websiteId ? [websiteId] : []
    },
  },
]
