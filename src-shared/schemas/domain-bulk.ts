import { z } from 'zod'
import { recordsSchema, zoneIntervalSchema } from './domains'
import { idSchema, versionSchema } from './common'

const idsSchema = z.array(idSchema).min(1).max(500)

/**
 * One SOA timer of a bulk "set SOA" (spec 1.8): absent leaves each zone's value as it is, an
 * empty string clears it back to the DOMAINS_DEFAULT_… setting, anything else sets it.
 */
const bulkTimer = zoneIntervalSchema.optional()

export const domainSetSoaSchema = z.strictObject({
  ids: idsSchema,
  refresh: bulkTimer,
  retry: bulkTimer,
  expire: bulkTimer,
  minTtl: bulkTimer,
})
export type DomainSetSoaInput = z.input<typeof domainSetSoaSchema>

export const domainIdsSchema = z.strictObject({ ids: idsSchema })

/** What deleting one selected domain takes with it, for the confirmation to name. */
export interface DomainDeleteItem {
  id: number
  name: string
  isTop: boolean
  /** Names of the subdomains that go with a top domain (none for a subdomain). */
  subdomains: string[]
  /** Records of the domain and of those subdomains. */
  records: number
  /** Mail addresses on the domain and on those subdomains. */
  addresses: number
}

export interface DomainDeletePreview {
  /** The selected domains, without those that already go with a selected top. */
  domains: DomainDeleteItem[]
}

/**
 * Bulk "edit records" (spec 1.8): the records of several domains, each replacing its stored set
 * as on the domain's own form, saved together or not at all.
 */
export const domainUpdateRecordsSchema = z.strictObject({
  domains: z
    .array(z.strictObject({ id: idSchema, version: versionSchema, records: recordsSchema }))
    .min(1)
    .max(200),
})
export type DomainUpdateRecordsInput = z.input<typeof domainUpdateRecordsSchema>
