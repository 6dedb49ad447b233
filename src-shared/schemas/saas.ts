import { z } from 'zod'
import {
  codePoint,
  emailSchema,
  findControlCharacter,
  idSchema,
  listQueryShape,
  singleLineText,
  versionSchema,
} from './common'

/**
 * SaaS tenants (spec 8): a blog, a wiki or a user on an installation the provider runs for many
 * accounts. The catalogue below is data: what each service needs at sign-up and what it allows.
 */

export const SAAS_SERVICES = [
  'wordpress',
  'dokuwiki',
  'drupal',
  'moodle',
  'phplist',
  'gitlab',
  'owncloud',
  'bscw',
  'seafile',
] as const
export type SaasService = (typeof SAAS_SERVICES)[number]

/** Whether a service asks for a password: at creation (`required`), or never (`none`). */
export type PasswordUse = 'required' | 'none'

export interface SaasServiceSpec {
  label: string
  /** The data fields a user fills in; the service's own ids (blog, user) are kept apart. */
  fields: readonly ('email' | 'quota')[]
  password: PasswordUse
  /** The site may also answer on a URL of the account's own domain. */
  customUrl: boolean
  /** A custom URL may only be a host's root (the DokuWiki farm maps whole hosts). */
  customUrlRootOnly: boolean
  /** The tenant has a database of its own in the provider's account (phpList). */
  ownsDatabase: boolean
  /** Longest name; phpList's leaves room for `-list-bounces` in a 32-character mailbox. */
  nameMax: number
  /** Fields that cannot change after creation. */
  fixedFields: readonly ('email' | 'quota')[]
}

const spec = (label: string, overrides: Partial<SaasServiceSpec> = {}): SaasServiceSpec => ({
  label,
  fields: [],
  password: 'required',
  customUrl: false,
  customUrlRootOnly: false,
  ownsDatabase: false,
  nameMax: 64,
  fixedFields: [],
  ...overrides,
})

/** Spec 8.2, as data. */
export const SAAS_CATALOGUE: Record<SaasService, SaasServiceSpec> = {
  wordpress: spec('WordPress', { fields: ['email'], password: 'none', customUrl: true }),
  dokuwiki: spec('DokuWiki', { customUrl: true, customUrlRootOnly: true }),
  drupal: spec('Drupal'),
  moodle: spec('Moodle', { customUrl: true }),
  phplist: spec('phpList', { ownsDatabase: true, nameMax: 32 - '-list-bounces'.length }),
  gitlab: spec('GitLab', { fields: ['email'] }),
  owncloud: spec('ownCloud'),
  bscw: spec('BSCW', { fields: ['email'], fixedFields: ['email'] }),
  seafile: spec('Seafile', { fields: ['email', 'quota'], password: 'none' }),
}

/** Services off by default: Seafile's backend was never written (spec 8.2). */
export const DEFAULT_ENABLED_SAAS = SAAS_SERVICES.filter((service) => service !== 'seafile')

export const SAAS_NAME_MAX = 64

const issue = (ctx: z.RefinementCtx, path: PropertyKey[], rule: string, message: string) =>
  ctx.addIssue({ code: 'custom', path, message, params: { rule } })

// --- Name -------------------------------------------------------------------------------------

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/

/**
 * The hostname rule of spec 0.3 on the lower-cased name: dot-separated labels of letters,
 * digits and inner hyphens. So a name is never `..`, an option (`-rf`) or a path, and it can
 * stand in a site domain, a folder name and a table prefix as it is.
 */
export function checkSaasName(name: string, service?: SaasService): string | undefined {
  if (!name) return 'is required'
  const max = service ? SAAS_CATALOGUE[service].nameMax : SAAS_NAME_MAX
  if (name.length > max) return `must be at most ${max} characters`
  if (!name.split('.').every((label) => LABEL.test(label))) {
    return 'must be a host name: letters, digits and inner "-", in labels separated by "."'
  }
  return undefined
}

/** Lower-cased as given; a single trailing dot, which the hostname rule ignores, dropped. */
const nameInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .transform((name) => name.replace(/\.$/, ''))

// --- Password ---------------------------------------------------------------------------------

/**
 * A password as typed. It is never stored: it travels once, to the backend of the same change.
 * Quotes, `$` and backslashes are allowed (the backends never place it in a quoted string);
 * control characters are not, as a line break ends the line a sign-in form reads.
 */
export const saasPasswordSchema = z
  .string()
  .min(8, { message: 'must be at least 8 characters' })
  .max(128)
  .superRefine((value, ctx) => {
    const control = findControlCharacter(value)
    if (control === undefined) return
    issue(
      ctx,
      [],
      'control_character',
      `contains an invisible control character ${codePoint(control)}`,
    )
  })

// --- Data -------------------------------------------------------------------------------------

/** What a user fills in of a tenant's data; the service's own ids are kept by main. */
export const saasDataSchema = z.strictObject({
  email: emailSchema.optional(),
  quota: z.number().int().min(1).max(1_000_000).optional(),
})
export type SaasDataInput = z.input<typeof saasDataSchema>

/**
 * The stored data: the filled-in fields, what the service answered (blog or user id), and the
 * website serving the custom URL, with whether the panel made it for the tenant.
 */
export interface SaasData {
  email?: string
  quota?: number
  blogId?: number
  userId?: number
  websiteId?: number
  websiteCreated?: boolean
}

/** Checks that `data` has exactly the fields the service asks for. */
export function checkSaasData(
  ctx: z.RefinementCtx,
  service: SaasService,
  data: z.output<typeof saasDataSchema>,
  creating: boolean,
) {
  const { fields } = SAAS_CATALOGUE[service]
  for (const field of ['email', 'quota'] as const) {
    const given = data[field] !== undefined
    if (given && !fields.includes(field)) {
      issue(
        ctx,
        ['data', field],
        'not_for_service',
        `is not asked by ${SAAS_CATALOGUE[service].label}`,
      )
    }
    if (creating && !given && fields.includes(field) && field === 'email') {
      issue(ctx, ['data', field], 'required', 'is required')
    }
  }
}

// --- Custom URL -------------------------------------------------------------------------------

export interface CustomUrl {
  /** As stored: scheme, host and path, the path ending in `/` when it is the root. */
  url: string
  scheme: 'http' | 'https'
  host: string
  path: string
}

const URL_PATH = /^\/[A-Za-z0-9/._-]*$/
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/

export type UrlCheck = { ok: CustomUrl } | { rule: string; message: string }

/**
 * A custom URL as spec 8.1 reads it, before the account's domains are looked at: trimmed,
 * http or https only, a host name (no address, port, user, query or fragment) and a plain
 * path; `https://blog.example.org` becomes `https://blog.example.org/`.
 */
export function parseCustomUrl(raw: string): UrlCheck {
  const text = raw.trim()
  // The URL parser drops tabs and line breaks without a word: they are refused first.
  const control = findControlCharacter(text)
  if (control !== undefined) {
    return {
      rule: 'control_character',
      message: `contains a control character ${codePoint(control)}`,
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase()
  if (scheme !== 'http' && scheme !== 'https') {
    return { rule: 'scheme', message: 'must start with http:// or https://' }
  }
  // Nor may the parser resolve what was typed into something else: no escapes, no `.` steps.
  if (/[%\\]/.test(text) || /\/\.\.?(\/|$)/.test(text.slice(scheme.length + 3))) {
    return { rule: 'url_path', message: 'must have a path of letters, digits and /._-' }
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { rule: 'url', message: 'is not a URL' }
  }
  if (url.username || url.password || url.port || url.search || url.hash || text.includes('?')) {
    return { rule: 'url_parts', message: 'may hold no user, port, query or fragment' }
  }
  const host = url.hostname
  const labels = host.split('.')
  const named = labels.length > 1 && /[a-z]/.test(labels.at(-1)!)
  if (host.length > 253 || !named || !labels.every((label) => HOST_LABEL.test(label))) {
    return { rule: 'host', message: 'must name a host of a domain, not an address' }
  }
  if (!URL_PATH.test(url.pathname) || url.pathname.split('/').some((s) => s === '..')) {
    return { rule: 'url_path', message: 'must have a path of letters, digits and /._-' }
  }
  const path = url.pathname
  return { ok: { url: `${scheme}://${host}${path}`, scheme, host, path } }
}

// --- Requests ---------------------------------------------------------------------------------

const customUrlInput = singleLineText(500)

export const saasCreateSchema = z
  .strictObject({
    accountId: idSchema,
    service: z.enum(SAAS_SERVICES),
    name: nameInput,
    isActive: z.boolean().default(true),
    data: saasDataSchema.default({}),
    password: saasPasswordSchema.optional(),
    customUrl: customUrlInput.default(''),
  })
  .superRefine((input, ctx) => {
    const problem = checkSaasName(input.name, input.service)
    if (problem) issue(ctx, ['name'], 'hostname', problem)
    checkSaasData(ctx, input.service, input.data, true)
    const { password } = SAAS_CATALOGUE[input.service]
    if (password === 'required' && input.password === undefined) {
      issue(ctx, ['password'], 'required', 'is required')
    }
    if (password === 'none' && input.password !== undefined) {
      issue(
        ctx,
        ['password'],
        'not_for_service',
        `is not asked by ${SAAS_CATALOGUE[input.service].label}`,
      )
    }
  })
export type SaasCreateInput = z.input<typeof saasCreateSchema>

/** Service and name cannot change (spec 0.1); a new password is sent only to be applied. */
export const saasUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  isActive: z.boolean().optional(),
  data: saasDataSchema.optional(),
  password: saasPasswordSchema.optional(),
  customUrl: customUrlInput.optional(),
})
export type SaasUpdateInput = z.input<typeof saasUpdateSchema>

export const saasDeleteSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(200) })

export const saasListSchema = z.strictObject({
  ...listQueryShape,
  service: z.enum(SAAS_SERVICES).optional(),
  accountId: idSchema.optional(),
})
export type SaasListQuery = z.input<typeof saasListSchema>

// --- Answers ----------------------------------------------------------------------------------

export interface SaasTenant {
  id: number
  service: SaasService
  name: string
  accountId: number
  isActive: boolean
  data: SaasData
  customUrl: string
  databaseId: number | null
  version: number
  createdAt: string
  updatedAt: string
}

export interface SaasTenantRow extends SaasTenant {
  accountUsername: string
  /** Where the tenant answers: its site domain under the provider's. */
  siteDomain: string
  /** Own flag and the account's: what the servers apply. */
  effectiveActive: boolean
}

export interface SaasTenantDetail {
  tenant: SaasTenantRow
  /** The website serving the custom URL, when there is one. */
  website: { id: number; name: string; created: boolean } | null
}
