/**
 * Escaping for each context a value can reach. Every module that puts user data into another
 * language goes through here, so each rule is written and tested once.
 */

/** The escape character used with `LIKE … ESCAPE '\'` (both SQLite and PostgreSQL accept it). */
export const LIKE_ESCAPE = '\\'

/** A LIKE pattern that matches `text` anywhere, with `%`, `_` and `\` taken literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => LIKE_ESCAPE + char)}%`
}

// Shell

/**
 * Quotes one value as a single POSIX shell word. Inside single quotes nothing is special, so
 * the only character to deal with is the quote itself, closed, escaped and reopened. NUL cannot
 * travel in a shell word at all, so it is refused rather than silently cut.
 */
export function shellQuote(value: string | number): string {
  const text = String(value)
  if (text.includes('\0')) throw new Error('A shell word cannot hold a NUL character')
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** A value that must not be kept: stored scripts show `'***'` in its place. */
export class Secret {
  constructor(readonly value: string) {}
  toString(): string {
    return '***'
  }
}

/** A piece of shell text written by us, passed through `sh` without quoting. */
export class ShellText {
  constructor(
    readonly text: string,
    /** The same text with every secret replaced: what is stored and shown. */
    readonly redacted: string = text,
  ) {}

  get hasSecrets(): boolean {
    return this.text !== this.redacted
  }
}

type ShellValue = string | number | Secret | ShellText | readonly (string | number)[]

function quotePair(value: ShellValue): [string, string] {
  if (value instanceof ShellText) return [value.text, value.redacted]
  if (value instanceof Secret) return [shellQuote(value.value), `'***'`]
  if (Array.isArray(value)) {
    const words = value.map((word) => shellQuote(word)).join(' ')
    return [words, words]
  }
  const word = shellQuote(value as string | number)
  return [word, word]
}

/**
 * The only way backends write shell: a template whose literal parts are ours and whose every
 * interpolated value becomes one quoted word (an array becomes several). So
 * sh`rm -f ${path}` stays one `rm` of one path whatever the path holds.
 */
export function sh(strings: TemplateStringsArray, ...values: ShellValue[]): ShellText {
  let text = strings[0] ?? ''
  let redacted = text
  values.forEach((value, index) => {
    const [plain, shown] = quotePair(value)
    const literal = strings[index + 1] ?? ''
    text += plain + literal
    redacted += shown + literal
  })
  return new ShellText(text, redacted)
}

// SQLite full-text search

/**
 * One FTS5 phrase matching `text` literally: inside double quotes only the quote itself is
 * special, doubled. Operators (`OR`, `NEAR`, `*`, `-`) in the text are then plain characters.
 */
export function fts5Phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

// DNS zone files

/** RFC 1035 3.3: a character-string is one length byte and at most 255 bytes of data. */
const MAX_CHARACTER_STRING = 255

/** One byte of TXT data as a zone file writes it inside double quotes. */
function zoneByte(byte: number): string {
  if (byte === 0x22 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`
  if (byte >= 0x20 && byte <= 0x7e) return String.fromCharCode(byte)
  // Anything else as `\DDD`, so no byte can end the line or the string.
  return `\\${byte.toString().padStart(3, '0')}`
}

/**
 * TXT data as the quoted character-strings of one zone-file record: split every 255 bytes
 * (a DKIM key is longer than one string may be; resolvers join them again), with `"` and `\`
 * escaped and every other byte outside printable ASCII written as `\DDD`. So no value can
 * close its quotes, start a comment or a new line, or reach a directive like `$INCLUDE`.
 */
export function zoneCharacterStrings(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  const strings: string[] = []
  for (let at = 0; at < bytes.length || strings.length === 0; at += MAX_CHARACTER_STRING) {
    const chunk = bytes.subarray(at, at + MAX_CHARACTER_STRING)
    strings.push(`"${[...chunk].map(zoneByte).join('')}"`)
  }
  return strings.join(' ')
}

/**
 * An SOA mailbox (RFC 1035 8): `local@domain` becomes `local.domain.`, with the dots of the
 * local part escaped so that `john.doe@example.org` is not read as `john@doe.example.org`.
 */
export function zoneMailbox(email: string): string {
  const at = email.lastIndexOf('@')
  const local = email.slice(0, at).replace(/[\\.]/g, '\\$&')
  return `${local}.${email.slice(at + 1)}.`
}

// SQL for MySQL/MariaDB and PostgreSQL clients (`mariadb`, `psql`) fed on standard input

export type SqlDialect = 'mysql' | 'postgresql'

function refuseNul(value: string, what: string): void {
  if (value.includes('\0')) throw new Error(`${what} cannot hold a NUL character`)
}

/** A MySQL/MariaDB identifier in backticks: only the backtick itself is special, doubled. */
export function mysqlIdentifier(name: string): string {
  refuseNul(name, 'A MySQL identifier')
  return `\`${name.replace(/`/g, '``')}\``
}

/**
 * A database name as GRANT and REVOKE read it, and as `mysql.db` keeps it: there `_` and `%`
 * are wildcards (so a grant on `a_b` would also open `axb`), literal once backslash-escaped.
 */
export function mysqlGrantPattern(name: string): string {
  return name.replace(/[\\_%]/g, '\\$&')
}

/** The same pattern as the identifier of `GRANT … ON <it>.*`. */
export function mysqlGrantDatabase(name: string): string {
  return mysqlIdentifier(mysqlGrantPattern(name))
}

const MYSQL_STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "''",
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
}

/**
 * A MySQL/MariaDB string literal. The quote is doubled, which holds in every SQL mode; the
 * backslash and the characters a line-based client would split on are escaped, which holds
 * unless NO_BACKSLASH_ESCAPES is set: the backends' SQL clears that mode first. Either way no
 * value can end its literal.
 */
export function mysqlString(value: string): string {
  refuseNul(value, 'A MySQL string')
  // eslint-disable-next-line no-control-regex -- Ctrl-Z ends input on Windows clients
  return `'${value.replace(/[\\'\n\r\x1a]/g, (char) => MYSQL_STRING_ESCAPES[char]!)}'`
}

/** A PostgreSQL identifier in double quotes: the double quote itself is doubled. */
export function pgIdentifier(name: string): string {
  refuseNul(name, 'A PostgreSQL identifier')
  return `"${name.replace(/"/g, '""')}"`
}

/**
 * A PostgreSQL escape-string literal `E'…'`: its backslashes are escapes whatever
 * `standard_conforming_strings` says, so escaping the backslash and doubling the quote is
 * enough; line breaks become `\n`/`\r` so that psql sees one line. PostgreSQL text has no NUL.
 */
export function pgString(value: string): string {
  refuseNul(value, 'A PostgreSQL string')
  const body = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "''")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
  return `E'${body}'`
}

/** A name of a database, user or role, written as an identifier of the dialect. */
export class SqlIdentifier {
  constructor(readonly name: string) {}
}

export const sqlIdentifier = (name: string) => new SqlIdentifier(name)

/** SQL written by us, with the same text redacted where it holds a secret. */
export class SqlText {
  constructor(
    readonly text: string,
    readonly redacted: string = text,
  ) {}
}

type SqlValue = string | number | Secret | SqlIdentifier | SqlText

function sqlPair(dialect: SqlDialect, value: SqlValue): [string, string] {
  const literal = dialect === 'mysql' ? mysqlString : pgString
  const identifier = dialect === 'mysql' ? mysqlIdentifier : pgIdentifier
  if (value instanceof SqlText) return [value.text, value.redacted]
  if (value instanceof SqlIdentifier) return [identifier(value.name), identifier(value.name)]
  if (value instanceof Secret) return [literal(value.value), `'***'`]
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('An SQL number must be finite')
    return [String(value), String(value)]
  }
  return [literal(value), literal(value)]
}

function sqlTemplate(dialect: SqlDialect) {
  return (strings: TemplateStringsArray, ...values: SqlValue[]): SqlText => {
    let text = strings[0] ?? ''
    let redacted = text
    values.forEach((value, index) => {
      const [plain, shown] = sqlPair(dialect, value)
      const literal = strings[index + 1] ?? ''
      text += plain + literal
      redacted += shown + literal
    })
    return new SqlText(text, redacted)
  }
}

/**
 * The only way backends write SQL: every interpolated string becomes a string literal of the
 * dialect, every `sqlIdentifier` a quoted identifier, and a `Secret` a literal that stored
 * scripts show as `'***'`.
 */
export const mysqlSql = sqlTemplate('mysql')
export const pgSql = sqlTemplate('postgresql')

/** Several statements or fragments as one. */
export function joinSql(parts: readonly SqlText[], separator = '\n'): SqlText {
  return new SqlText(
    parts.map((part) => part.text).join(separator),
    parts.map((part) => part.redacted).join(separator),
  )
}

/**
 * SQL as one shell word for `printf '%s\n' … | client`: printf is a bash builtin, so the text
 * (a password hash, say) never shows in the server's process list, and the client reads it on
 * its standard input, never on its command line.
 */
export function sqlShellWord(sql: SqlText): ShellText {
  return new ShellText(shellQuote(sql.text), shellQuote(sql.redacted))
}

// Sieve scripts

/**
 * A Sieve quoted string (RFC 5228 2.4.2): only `"` and `\` are special inside, each escaped
 * with a backslash. Line breaks may stand in a quoted string, so a message keeps its lines;
 * NUL cannot, and is refused.
 */
export function sieveString(text: string): string {
  if (text.includes('\0')) throw new Error('A Sieve string cannot hold a NUL character')
  return `"${text.replace(/[\\"]/g, '\\$&')}"`
}

// PHP source

/**
 * A single-quoted PHP string literal: inside one only `\\` and `'` mean anything, each escaped
 * with a backslash, so no value can end its literal, and `$` or `{` never interpolate.
 */
export function phpString(value: string): string {
  if (value.includes('\0')) throw new Error('A PHP string of a config cannot hold NUL')
  return `'${value.replace(/[\\']/g, '\\$&')}'`
}

// Colon-separated files (Dovecot's passwd-file)

/**
 * One field of a passwd-file line. The format has no quoting at all: a `:` starts the next
 * field and a line break the next user, so a value holding either (or any control character)
 * is refused rather than written. Names and hashes never hold them when they were validated.
 */
export function passwdFileField(value: string | number): string {
  const text = String(value)
  if (/[:\p{Cc}]/u.test(text)) throw new Error('A passwd-file field cannot hold ":" or controls')
  return text
}

// Postfix lookup tables

/**
 * A key or value word of a Postfix table read by postmap: whitespace ends the key, `#` at a
 * line start makes a comment, and there is no quoting. A word holding whitespace, a control
 * character or starting with `#` is refused.
 */
export function postfixTableWord(word: string): string {
  if (!word || /[\s\p{Cc}]/u.test(word) || word.startsWith('#')) {
    throw new Error('A Postfix table word cannot be empty or hold spaces or controls')
  }
  return word
}

// Here-documents

/**
 * Text for a command's standard input as a quoted here-document (`<<'WORD'`): nothing in it
 * expands, it is no shell word and never stands on a command line, so a password hash piped
 * this way shows in no process list. A line equal to the closing word would end it early, so
 * the word is made longer until no line is; NUL cannot travel at all. The closing word ends
 * the text, so the here-document must be the last thing of its command.
 */
export function hereDocument(content: string | Secret): ShellText {
  const text = content instanceof Secret ? content.value : content
  if (text.includes('\0')) throw new Error('A here-document cannot hold a NUL character')
  const lines = new Set(text.split('\n'))
  let word = 'ORCHESTRA_INPUT'
  while (lines.has(word)) word += '_'
  const body = text.endsWith('\n') ? text : `${text}\n`
  const shown = content instanceof Secret ? '***\n' : body
  return new ShellText(`<<'${word}'\n${body}${word}`, `<<'${word}'\n${shown}${word}`)
}

// Web server configuration (Apache httpd, nginx)

/**
 * One argument of an Apache directive, in double quotes. Inside them Apache reads `\"` as a
 * quote and a final `\` as a line continuation, and expands `${NAME}` anywhere; a line break
 * ends the directive. A value holding any of these is refused rather than written.
 */
export function apacheWord(value: string): string {
  if (/["\p{Cc}\u2028\u2029]|\\$|\$\{/u.test(value)) {
    throw new Error('An Apache argument cannot hold quotes, controls, ${ or a final backslash')
  }
  return `"${value}"`
}

/**
 * One argument of an nginx directive, in double quotes. nginx turns `\"`, `\\`, `\n`, `\r`,
 * `\t` inside quotes into other characters and, in most directives, reads `$name` as a
 * variable: refused, unless `variables` allows `$1`…`$9` (a regex location's captures).
 */
export function nginxWord(value: string, { captures = false } = {}): string {
  const dollar = captures ? /\$(?!\d)/ : /\$/
  if (/["\p{Cc}\u2028\u2029]|\\[\\"'nrt]|\\$/u.test(value) || dollar.test(value)) {
    throw new Error('An nginx argument cannot hold quotes, controls, backslash escapes or $')
  }
  return `"${value}"`
}

/** An nginx regular expression in quotes: there `$` is an anchor, not a variable. */
export function nginxRegex(pattern: string): string {
  if (/["\p{Cc}\u2028\u2029]|\\[\\"'nrt]|\\$/u.test(pattern)) {
    throw new Error('An nginx regex cannot hold quotes, controls or backslash escapes')
  }
  return `"${pattern}"`
}

/** Text matched literally by a PCRE regular expression (Apache and nginx both use PCRE). */
export function pcreLiteral(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&')
}

// PHP-FPM pools and uWSGI vassals (ini files read by root daemons)

/**
 * A PHP-FPM pool value, in double quotes: PHP's ini reader expands `${…}` and reads `\` and
 * `"` inside them, and a line break would start a directive of its own, so a value holding
 * any of those (or a control character) is refused rather than written. Option rules keep
 * them out; this is the last check before a file a root daemon reads.
 */
export function fpmValue(value: string | number): string {
  const text = String(value)
  if (/[\p{Cc}"\\$]/u.test(text)) {
    throw new Error('A PHP-FPM value cannot hold quotes, \\, $ or control characters')
  }
  return `"${text}"`
}

/** A pool name as FPM reads it between brackets: no `]`, no line break, never empty. */
export function fpmPoolName(name: string): string {
  if (!/^[A-Za-z0-9_.@-]+$/.test(name)) throw new Error('A PHP-FPM pool name holds odd characters')
  return `[${name}]`
}

/**
 * A uWSGI ini value. uWSGI has no quoting: it expands `%x` magic variables, `$(VAR)` and
 * `@(file)` inside values, and `;` or `#` at the start of a line is a comment. A value that
 * could mean any of that, or holds a control character, is refused.
 */
export function uwsgiValue(value: string | number): string {
  const text = String(value)
  if (!text || /[\p{Cc}%$@;#]/u.test(text) || text !== text.trim()) {
    throw new Error('A uWSGI value cannot hold %, $, @, ;, # or control characters')
  }
  return text
}

// Webalizer configuration

/** How much of a value Webalizer keeps: its reader copies no more of a line into the value. */
export const WEBALIZER_VALUE_MAX = 131

/**
 * A Webalizer configuration value. The format has no quoting: the value is the rest of the
 * line after the keyword, cut at that length, with the spaces around it dropped. So a value
 * holding a line break or another control character, spaces at either end, or more than fits
 * is refused rather than written changed.
 */
export function webalizerValue(value: string): string {
  if (!value || /[\p{Cc}\u2028\u2029]/u.test(value) || value !== value.trim()) {
    throw new Error('A Webalizer value cannot be empty, hold controls or start or end in spaces')
  }
  if (Buffer.byteLength(value) > WEBALIZER_VALUE_MAX) {
    throw new Error(`A Webalizer value cannot be longer than ${WEBALIZER_VALUE_MAX} bytes`)
  }
  return value
}

// HTML

/** Text in an HTML element or quoted attribute: the five characters that mean markup, escaped. */
export function htmlText(value: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  }
  return value.replace(/[&<>"']/g, (char) => entities[char]!)
}

// XML (SEPA bank files)

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a literal CR, LF or tab into something else (CR LF into LF everywhere, and
  // each of them into a space inside an attribute): as references they stay what they were.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
}

/**
 * Text of an XML element or of a quoted attribute: markup characters and line breaks become
 * references. XML 1.0 cannot hold the other control characters, lone surrogates or U+FFFE and
 * U+FFFF at all, even as references, so a value holding one is refused rather than written.
 */
export function xmlText(value: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly what XML 1.0 forbids
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u.test(value)) {
    throw new Error('XML text cannot hold control characters, lone surrogates or U+FFFE/U+FFFF')
  }
  return value.replace(/[&<>"'\r\n\t]/g, (char) => XML_ENTITIES[char]!)
}

/** Letters that lose more than an accent on the way to Latin, and common signs. */
const SEPA_LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŀ: 'l',
  Ŀ: 'L',
  '&': '+',
  '@': '(at)',
  _: '-',
  '"': "'",
  '‘': "'",
  '’': "'",
  '“': "'",
  '”': "'",
  '«': "'",
  '»': "'",
  '–': '-',
  '—': '-',
  '€': 'EUR',
}

/** Greek (ELOT 743, without its context rules) and Cyrillic (close to ISO 9, plain letters). */
const SEPA_SCRIPTS: Record<string, string> = Object.fromEntries(
  [
    'αa βv γg δd εe ζz ηi θth ιi κk λl μm νn ξx οo πp ρr σs ςs τt υy φf χch ψps ωo',
    'аa бb вv гg дd еe ёe жzh зz иi йi кk лl мm нn оo пp рr сs тt уu фf хkh цts чch шsh',
    'щshch ъ ыy ь эe юiu яia ґg єie іi їi ўu ђdj јj љlj њnj ћc џdz ѓg ќk ѕdz',
  ]
    .join(' ')
    .split(' ')
    .flatMap((pair) => {
      const [letter, latin] = [pair[0]!, pair.slice(1)]
      const upper = latin.charAt(0).toUpperCase() + latin.slice(1)
      return [
        [letter, latin],
        [letter.toUpperCase(), upper],
      ]
    }),
)

/** The Latin character set every SEPA bank must accept (EPC guidelines). */
const SEPA_CHARACTER = /[A-Za-z0-9/\-?:().,'+ ]/

/**
 * Text for a SEPA file, in the Latin character set every bank must take (a-z, A-Z, 0-9 and
 * `/ - ? : ( ) . , ' +` and space): accents dropped (ä → a), letters spelled out (ß → ss,
 * ł → l), Greek and Cyrillic transliterated, anything else (emoji, CJK, controls, `<`, `;`)
 * a space; runs of spaces become one, and the result is cut to `maxLength` without a space at
 * either end. It may be empty: the caller says what an empty value means for its element.
 */
export function sepaText(value: string, maxLength: number): string {
  // Compatibility decomposition first: accents come apart from their letters, and ligatures,
  // full-width and mathematical letters become the plain ones.
  const bare = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // ELOT 743 writes the Greek digraph "ου" as "ou", where its letters alone give "oy".
    .replace(/([οΟ])([υΥ])/g, (_, o, u) => (o === 'ο' ? 'o' : 'O') + (u === 'υ' ? 'u' : 'U'))
  let text = ''
  for (const char of bare) {
    const mapped = SEPA_LETTERS[char] ?? SEPA_SCRIPTS[char]
    text += mapped ?? (SEPA_CHARACTER.test(char) ? char : ' ')
  }
  return text.replace(/ +/g, ' ').trim().slice(0, maxLength).trimEnd()
}
