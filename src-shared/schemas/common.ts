import { z } from 'zod'

/** A database id as it travels in requests. */
export const idSchema = z.number().int().min(1)

// --- Text --------------------------------------------------------------------------------------

/** C0 and C1 control characters and DEL (NUL, escape, …): invisible, and trouble for any tool. */
const CONTROL_CHARACTER = /\p{Cc}/u
/** The same, except the newline and tab that text of several lines keeps. */
const CONTROL_CHARACTER_IN_BLOCK = /(?![\n\t])\p{Cc}/u
/** Zero-width and invisible format characters: a name of only these looks filled but is not. */
const INVISIBLE_CHARACTER = /^[\u200B-\u200F\u2060\uFEFF]$/u
/**
 * Of those, the ones with no place anywhere in a name. Joiners (U+200C, U+200D) and direction
 * marks (U+200E, U+200F) are part of how some scripts and emoji are written, so they may stand
 * between visible characters, but not at either end.
 */
const NEVER_IN_A_NAME = /^[\u200B\u2060\uFEFF]$/u

/** How a message names a character nobody can see: `U+0000`. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

/** The first control character in `text`; newline and tab pass when it may span lines. */
export function findControlCharacter(text: string, multiLine = false): string | undefined {
  return (multiLine ? CONTROL_CHARACTER_IN_BLOCK : CONTROL_CHARACTER).exec(text)?.[0]
}

/** The first invisible character in `name` that could make it look filled when it is not. */
export function findInvisibleCharacter(name: string): string | undefined {
  const chars = [...name]
  const last = chars.length - 1
  return chars.find(
    (char, i) =>
      NEVER_IN_A_NAME.test(char) || ((i === 0 || i === last) && INVISIBLE_CHARACTER.test(char)),
  )
}

type TextKind = 'line' | 'block' | 'name'

function checkText(kind: TextKind) {
  return (text: string, ctx: z.RefinementCtx<string>) => {
    const control = findControlCharacter(text, kind === 'block')
    if (control !== undefined) {
      ctx.addIssue({
        code: 'custom',
        params: { rule: 'control_character' },
        message: `contains an invisible control character ${codePoint(control)}`,
      })
    }
    const invisible = kind === 'name' ? findInvisibleCharacter(text) : undefined
    if (invisible !== undefined) {
      ctx.addIssue({
        code: 'custom',
        params: { rule: 'invisible_character' },
        message: `contains an invisible character ${codePoint(invisible)}`,
      })
    }
  }
}

/** One line of text, trimmed, maybe empty: no control characters at all. */
export function singleLineText(max: number) {
  return z.string().trim().max(max).superRefine(checkText('line'))
}

/**
 * Text that may span lines (comments, a postal address), trimmed, maybe empty: newlines (CRLF
 * becomes LF) and tabs are kept, other control characters refused.
 */
export function multiLineText(max: number) {
  return z
    .string()
    .overwrite((text) => text.replace(/\r\n?/g, '\n'))
    .trim()
    .max(max)
    .superRefine(checkText('block'))
}

/** A name on one line, maybe empty: no control characters, and no invisible ones at its ends. */
export function nameText(max: number) {
  return z.string().trim().max(max).superRefine(checkText('name'))
}

/** A name that must be given: not empty once trimmed, and not made of invisible characters. */
export function requiredText(max: number) {
  return z.string().trim().min(1).max(max).superRefine(checkText('name'))
}

/** An email address, trimmed. */
export const emailSchema = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .superRefine(checkText('line'))
  .pipe(z.email())

// --- Hosts ---

/** A hostname (RFC 1123 labels) or an IPv4/IPv6 literal. */
const LABEL = '[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?'
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(\\.${LABEL})*\\.?$`)
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IPV6 = /^\[?[0-9a-fA-F:.]+\]?$/

export function isHostOrAddress(value: string): boolean {
  return HOSTNAME.test(value) || IPV4.test(value) || (value.includes(':') && IPV6.test(value))
}

// --- Lists -------------------------------------------------------------------------------------

export const SORT_DIRECTIONS = ['asc', 'desc'] as const

/** The paging and search part every list request shares. */
export const listQueryShape = {
  /** Search words, typed on one line: NUL and other control characters are refused. */
  q: singleLineText(200).default(''),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
  dir: z.enum(SORT_DIRECTIONS).default('asc'),
}

export interface Page<Row> {
  rows: Row[]
  /** How many rows match; a lower bound when `totalExact` is false. */
  total: number
  /**
   * False when counting stopped at a cap: more than `total` rows match, and the list shows
   * "10,000+". Lists that always count exactly leave it out.
   */
  totalExact?: boolean
  page: number
  pageSize: number
}

/** Optimistic locking: an edit names the version it was made from. */
export const versionSchema = z.number().int().min(1)
