import { websitesMounting, websitesOnDomain } from '../../data/websites'
import type { RelatedModel } from '../backend'

/**
 * What else re-saves a website (spec 6.5): a web app changes every site mounting it (its
 * folder, its PHP runtime), and a domain every site answering for it, removal included.
 */
export const WEBSITE_RELATED: readonly RelatedModel[] = [
  { model: 'webapp', owners: (tx, webappId) => websitesMounting(tx, webappId) },
  { model: 'domain', owners: (tx, domainId) => websitesOnDomain(tx, domainId) },
]
