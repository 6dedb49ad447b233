import { z } from 'zod'
import { idSchema, listQueryShape, versionSchema } from './common'
import { checkDomainName, toAsciiName } from './domain-names'
import { checkRecordValue, RECORD_TYPES, ZONE_INTERVAL, type RecordType } from './domain-records'

export { RECORD_TYPES, type RecordType } from './domain-records'

/** Blank means the DOMAINS_DEFAULT_… setting; otherwise `3600`, `1h`, `4w` (spec 1.2). */
export const zoneIntervalSchema = z
  .string()
  .trim()
  .max(16)
  .refine((value) => value === '' || ZONE_INTERVAL.test(value), {
    message: 'must be a number of seconds, or a number and one of s m h d w (1h, 4w)',
    params: { rule: 'zone_interval' },
  })

/** One domain name, typed in any script: the ASCII form comes out, or the rule it broke. */
export const domainNameSchema = z.string().transform((raw, ctx) => {
  const converted = toAsciiName(raw)
  const problem = 'name' in converted ? checkDomainName(converted.name) : converted
  if (!problem) return 'name' in converted ? converted.name : ''
  ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule } })
  return z.NEVER
})

export const recordInputSchema = z
  .strictObject({
    type: z.enum(RECORD_TYPES),
    value: z.string().max(8000),
    ttl: zoneIntervalSchema.default(''),
  })
  .transform((record, ctx) => {
    const checked = checkRecordValue(record.type, record.value)
    if ('value' in checked) return { ...record, value: checked.value }
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: checked.message,
      params: { rule: checked.rule },
    })
    return z.NEVER
  })
export type RecordInput = z.input<typeof recordInputSchema>

/** A zone has one SOA: a second one declared is named where it stands. */
export const recordsSchema = z
  .array(recordInputSchema)
  .max(500)
  .superRefine((records, ctx) => {
    const soas = records.flatMap((record, index) => (record.type === 'SOA' ? [index] : []))
    for (const index of soas.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'type'],
        message: 'is a second SOA: a zone has one',
        params: { rule: 'single_soa' },
      })
    }
  })

const soaFields = {
  refresh: zoneIntervalSchema.default(''),
  retry: zoneIntervalSchema.default(''),
  expire: zoneIntervalSchema.default(''),
  minTtl: zoneIntervalSchema.default(''),
}

/** Underscore names are services (`_dmarc`, `_sip._tcp`), not hosts (spec 1.2 rule 4). */
function checkUnderscore(
  names: readonly string[],
  records: readonly { type: RecordType }[],
  ctx: z.RefinementCtx,
) {
  if (!names.some((name) => name.includes('_'))) return
  if (records.some((record) => ['TXT', 'SRV', 'CNAME'].includes(record.type))) return
  ctx.addIssue({
    code: 'custom',
    path: ['name'],
    message: 'hosts can not have underscore: add a TXT, SRV or CNAME record',
    params: { rule: 'underscore' },
  })
}

/**
 * New domains: `name` may hold several names, one per line (blank lines skipped), and each is
 * created with a copy of `records`. Without an account every name needs an existing parent.
 */
export const domainCreateSchema = z
  .strictObject({
    name: z.string().max(20_000),
    accountId: idSchema.optional(),
    records: recordsSchema.default([]),
    ...soaFields,
  })
  .transform((input, ctx) => {
    const lines = input.name.split(/\r?\n/).filter((line) => line.trim() !== '')
    if (!lines.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'is required',
        params: { rule: 'required' },
      })
    }
    const names: string[] = []
    for (const [index, line] of lines.entries()) {
      const parsed = domainNameSchema.safeParse(line)
      const where = lines.length > 1 ? `line ${index + 1} (${line.trim()}) ` : ''
      if (!parsed.success) {
        const { message, params } = parsed.error.issues[0] as { message: string; params?: object }
        ctx.addIssue({ code: 'custom', path: ['name'], message: `${where}${message}`, params })
      } else if (names.includes(parsed.data)) {
        const message = `${where}repeats ${parsed.data}`
        ctx.addIssue({ code: 'custom', path: ['name'], message, params: { rule: 'duplicate' } })
      } else {
        names.push(parsed.data)
      }
    }
    checkUnderscore(names, input.records, ctx)
    const { name: _typed, ...rest } = input
    return { ...rest, names }
  })
export type DomainCreateInput = z.input<typeof domainCreateSchema>

/** An edit: the records sent replace the stored ones as a set; the name cannot change. */
export const domainUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  records: recordsSchema.optional(),
  // Absent keeps the stored timer (a default here would clear it on every records-only edit).
  refresh: zoneIntervalSchema.optional(),
  retry: zoneIntervalSchema.optional(),
  expire: zoneIntervalSchema.optional(),
  minTtl: zoneIntervalSchema.optional(),
})
export type DomainUpdateInput = z.input<typeof domainUpdateSchema>

export const domainListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
  /** Only the subdomains of this top domain. */
  topId: idSchema.optional(),
  /** Only top domains (the zones), without their subdomains. */
  topOnly: z.boolean().default(false),
})
export type DomainListQuery = z.input<typeof domainListSchema>

export interface DomainRecord {
  type: RecordType
  value: string
  ttl: string
}

export interface Domain {
  id: number
  /** ASCII (`xn--`) form, as stored and written to every server. */
  name: string
  accountId: number
  topId: number | null
  serial: number
  refresh: string
  retry: string
  expire: string
  minTtl: string
  version: number
  createdAt: string
  updatedAt: string
}

export interface DomainRow extends Domain {
  accountUsername: string
  topName: string | null
  recordCount: number
}

export interface DomainDetail {
  domain: Domain
  records: DomainRecord[]
  /** The records the settings add because none of their type is declared (spec 1.4). */
  implicit: DomainRecord[]
  /** The zone of the domain's origin as BIND will load it. */
  zone: string
}
