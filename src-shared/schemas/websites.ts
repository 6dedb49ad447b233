import { z } from 'zod'
import { idSchema, listQueryShape, versionSchema } from './common'
import {
  DIRECTIVE_NAMES,
  DIRECTIVES,
  directiveLocation,
  normalizeUrlPath,
  parseDirective,
  checkUrlPath,
  uniqueKey,
  type DirectiveName,
} from './website-directives'

/** Websites (spec 6): domains, a protocol, web apps mounted at paths, and directives. */

export const WEBSITE_PROTOCOLS = ['http', 'https', 'http/https', 'https-only'] as const
export type WebsiteProtocol = (typeof WEBSITE_PROTOCOLS)[number]

/**
 * Whether two sites may share a domain (spec 6.2): only when one serves plain http and the
 * other https; any site on both ports, or redirecting port 80, takes the domain whole.
 */
export function protocolsOverlap(a: WebsiteProtocol, b: WebsiteProtocol): boolean {
  const pair = new Set([a, b])
  return !(pair.size === 2 && pair.has('http') && pair.has('https'))
}

/** Which ports a protocol serves content on, and whether port 80 only redirects. */
export function protocolPorts(protocol: WebsiteProtocol) {
  return {
    http: protocol === 'http' || protocol === 'http/https',
    https: protocol !== 'http',
    redirectHttp: protocol === 'https-only',
  }
}

/**
 * The name rule tightened (spec 15.1): lower-case letters, digits and `._-`, starting with a
 * letter or digit, so a name is never dot-only nor an option; it becomes part of file names.
 */
export const WEBSITE_NAME = /^[a-z0-9][a-z0-9._-]*$/

export const websiteNameSchema = z.string().trim().min(1).max(128).regex(WEBSITE_NAME, {
  message: 'may only hold a-z, digits and ._- and must start with a letter or digit',
})

/** A content path: the url-path rule (spec 6.1); blank is the root. Stored normalised. */
export const contentPathSchema = z
  .string()
  .trim()
  .max(256)
  .transform((path) => path || '/')
  .superRefine((path, ctx) => {
    const found = checkUrlPath(path)
    if (found)
      ctx.addIssue({ code: 'custom', message: found.message, params: { rule: found.rule } })
  })
  .transform(normalizeUrlPath)

export const websiteContentSchema = z.strictObject({
  webappId: idSchema,
  path: contentPathSchema,
})

export const websiteDirectiveSchema = z
  .strictObject({
    name: z.enum(DIRECTIVE_NAMES),
    value: z.string().max(256),
  })
  .transform((directive, ctx) => {
    const result = parseDirective(directive.name, directive.value)
    if (result.ok) return { name: directive.name, value: result.value }
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `${directive.name}: ${result.message}`,
      params: { rule: result.rule },
    })
    return z.NEVER
  })

type Content = z.output<typeof websiteContentSchema>
type Directive = z.output<typeof websiteDirectiveSchema>

export interface PartsIssue {
  path: (string | number)[]
  rule: string
  message: string
}

/**
 * The rules across contents and directives (spec 6.2): every location (content path, or the
 * path of a location directive) once; unique-name directives once; unique-value directives
 * not twice with the same value. Main runs it again on an edit's merged parts.
 */
export function websitePartsIssues(parts: {
  contents?: readonly { path: string }[]
  directives?: readonly { name: DirectiveName; value: string }[]
}): PartsIssue[] {
  const issues: PartsIssue[] = []
  const locations = new Map<string, string>()
  const taken = (location: string, path: (string | number)[], what: string) => {
    const first = locations.get(location)
    if (first === undefined) return void locations.set(location, what)
    const message = `location ${location} is already used by ${first}`
    issues.push({ path, message, rule: 'location_unique' })
  }
  parts.contents?.forEach((content, index) =>
    taken(content.path, ['contents', index, 'path'], `content ${index + 1}`),
  )
  const names = new Set<DirectiveName>()
  const values = new Set<string>()
  parts.directives?.forEach((directive, index) => {
    const spec = DIRECTIVES[directive.name]
    const parsed = parseDirective(directive.name, directive.value)
    if (!parsed.ok) return
    const path = ['directives', index, 'value']
    const location = directiveLocation(parsed.parsed)
    if (spec.location && location !== undefined) taken(location, path, directive.name)
    if (spec.uniqueName && names.has(directive.name)) {
      issues.push({
        path,
        message: `${directive.name} may be given only once`,
        rule: 'unique_name',
      })
    }
    const key = `${directive.name} ${uniqueKey(parsed.parsed, parsed.value)}`
    if (spec.uniqueValue && values.has(key)) {
      const message = `${directive.name} ${parsed.value} is given twice`
      issues.push({ path, message, rule: 'unique_value' })
    }
    names.add(directive.name)
    values.add(key)
  })
  return issues
}

function checkParts(
  parts: { contents?: Content[]; directives?: Directive[] },
  ctx: z.RefinementCtx,
) {
  for (const issue of websitePartsIssues(parts)) {
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      message: issue.message,
      params: { rule: issue.rule },
    })
  }
}

const partsShape = {
  protocol: z.enum(WEBSITE_PROTOCOLS),
  isActive: z.boolean(),
  domainIds: z.array(idSchema).max(100),
  contents: z.array(websiteContentSchema).max(50),
  directives: z.array(websiteDirectiveSchema).max(100),
}

/** A new website; a missing protocol is WEBSITES_DEFAULT_PROTOCOL. */
export const websiteCreateSchema = z
  .strictObject({
    accountId: idSchema,
    name: websiteNameSchema,
    protocol: partsShape.protocol.optional(),
    isActive: partsShape.isActive.default(true),
    domainIds: partsShape.domainIds.default([]),
    contents: partsShape.contents.default([]),
    directives: partsShape.directives.default([]),
  })
  .superRefine(checkParts)
export type WebsiteCreateInput = z.input<typeof websiteCreateSchema>

/** An edit: each part given replaces the stored one whole; the name never changes. */
export const websiteUpdateSchema = z
  .strictObject({
    id: idSchema,
    version: versionSchema,
    protocol: partsShape.protocol.optional(),
    isActive: partsShape.isActive.optional(),
    domainIds: partsShape.domainIds.optional(),
    contents: partsShape.contents.optional(),
    directives: partsShape.directives.optional(),
  })
  .superRefine(checkParts)
export type WebsiteUpdateInput = z.input<typeof websiteUpdateSchema>

export const websiteIdsSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(200) })

export const websiteSetActiveSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(200),
  active: z.boolean(),
})

export const websiteListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
})
export type WebsiteListQuery = z.input<typeof websiteListSchema>

export interface Website {
  id: number
  name: string
  accountId: number
  protocol: WebsiteProtocol
  isActive: boolean
  version: number
  createdAt: string
  updatedAt: string
}

export interface WebsiteDomain {
  id: number
  name: string
}

export interface WebsiteContent {
  webappId: number
  webappName: string
  webappType: string
  path: string
}

export interface WebsiteDirective {
  name: DirectiveName
  value: string
}

export interface WebsiteRow extends Website {
  accountUsername: string
  /** Served: its own flag and its account's. */
  active: boolean
  domainNames: string[]
  contentPaths: string[]
}

export interface WebsiteDetail {
  website: Website
  accountUsername: string
  active: boolean
  /** The name of its files on the servers (WEBSITES_UNIQUE_NAME_FORMAT). */
  uniqueName: string
  /** `<scheme>://<first domain>`, or empty without a domain. */
  url: string
  domains: WebsiteDomain[]
  contents: WebsiteContent[]
  directives: WebsiteDirective[]
}
