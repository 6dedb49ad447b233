/**
 * Escaping for the two file formats only web apps write. They belong with the other contexts
 * of core/escape.ts and can move there; each is tested with hostile input beside it.
 */

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

/**
 * A PHP single-quoted string: only `\` and `'` mean anything inside, each escaped with a
 * backslash, so no value can end the string or reach code (the original put a name inside a
 * double-quoted string, where `{${…}}` runs code: spec 15.1). NUL is refused.
 */
export function phpString(value: string): string {
  if (value.includes('\0')) throw new Error('A PHP string here cannot hold a NUL character')
  return `'${value.replace(/[\\']/g, '\\$&')}'`
}
