import { z } from 'zod'
import { idSchema, listQueryShape } from './common'
import { checkDomainName, toAsciiName, type NameProblem } from './domain-names'

/**
 * Let's Encrypt certificates (spec 11). A certificate is one per website: the names it covers,
 * where its files live on the web server (its lineage) and when it expires. Issuing goes over
 * ACME's HTTP-01 challenge, so every name must be one a web server can answer for: no
 * wildcard, no underscore.
 */

/**
 * `pending`: asked for, not issued yet; `renewing`: issued, a new one asked for; `issued`: the
 * files are on the server; `failed`: the last attempt did not issue (see `lastError`).
 */
export const CERTIFICATE_STATUSES = ['pending', 'renewing', 'issued', 'failed'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]

/** The most names one ACME order may carry (Let's Encrypt's limit). */
export const MAX_CERTIFICATE_NAMES = 100

/** What is wrong with a name for a certificate over HTTP-01, or undefined. */
export function checkCertificateName(name: string): NameProblem | undefined {
  if (name.startsWith('*.')) {
    return {
      rule: 'wildcard',
      message: 'is a wildcard: HTTP-01 proves one name at a time, so give the names it stands for',
    }
  }
  if (name.includes('_')) {
    return { rule: 'hostname', message: 'holds an underscore, which no web host name may have' }
  }
  return checkDomainName(name)
}

/** A name as typed (any script, any case), in its ASCII form, checked. */
export const certificateNameSchema = z.string().transform((raw, ctx) => {
  const ascii = toAsciiName(raw)
  if (!('name' in ascii)) {
    ctx.addIssue({ code: 'custom', message: ascii.message, params: { rule: ascii.rule } })
    return z.NEVER
  }
  const problem = checkCertificateName(ascii.name)
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule } })
    return z.NEVER
  }
  return ascii.name
})

export const CERTIFICATE_SORTS = ['notAfter', 'name', 'website', 'status', 'updatedAt'] as const

export const certificateListSchema = z.strictObject({
  ...listQueryShape,
  sort: z.enum(CERTIFICATE_SORTS).default('notAfter'),
  accountId: idSchema.optional(),
  /** Only the ones the renewal would take now. */
  dueOnly: z.boolean().default(false),
})
export type CertificateListQuery = z.input<typeof certificateListSchema>

/**
 * Issue (or re-issue for other names) a website's certificate. Without `names`, every
 * non-wildcard domain of the site; names given must be domains of the site or single-label
 * names under one of its wildcard domains.
 */
export const certificateIssueSchema = z.strictObject({
  websiteId: idSchema,
  names: z.array(certificateNameSchema).min(1).max(MAX_CERTIFICATE_NAMES).optional(),
})
export type CertificateIssueInput = z.input<typeof certificateIssueSchema>

/** Renew the certificates due (or the ones named, due or not); a dry run only lists them. */
export const certificateRenewSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(1000).optional(),
  dryRun: z.boolean().default(false),
})
export type CertificateRenewInput = z.input<typeof certificateRenewSchema>

export const certificateForWebsiteSchema = z.strictObject({ websiteId: idSchema })

export interface CertificateRow {
  id: number
  websiteId: number
  websiteName: string
  accountId: number
  accountUsername: string
  /** The first is the certificate's subject. */
  names: string[]
  lineage: string
  status: CertificateStatus
  /** ISO 8601 instants in UTC (`…Z`), from the issued certificate itself. */
  notBefore: string | null
  notAfter: string | null
  /** Whole days until it ends (0 on its last day, negative past it); null if never issued. */
  daysLeft: number | null
  /** Whether the renewal would take it now. */
  due: boolean
  /** Whether its end has passed. */
  expired: boolean
  lastError: string
  version: number
  updatedAt: string
}

export type CertificateDetail = CertificateRow

/** What a website page shows of its certificate, and whether one can be issued. */
export interface WebsiteCertificate {
  websiteId: number
  certificate: CertificateDetail | null
  /** The names an issue without a choice would ask for. */
  names: string[]
  /** The website's wildcard domains, under which a name may be added. */
  wildcards: string[]
  /** The folder the HTTP-01 challenge is written to: the web app mounted at "/". */
  webroot: string | null
  /** Why issuing cannot start now, in words; null when it can. */
  blocker: string | null
}

export interface RenewalReport {
  dryRun: boolean
  /** The certificates taken (due, or named). */
  due: CertificateRow[]
  renewed: CertificateRow[]
  failed: CertificateRow[]
}
