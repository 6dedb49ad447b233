import fc from 'fast-check'

/**
 * Generators of values that would do harm if a script ever ran them: shell metacharacters,
 * line breaks, option-like starts, unicode that moves or joins characters, and whole
 * injection attempts ("canaries") that leave a file behind if they run.
 */

const SHELL_CHARACTERS = [...'\'"`$();&|<>*?[]{}~#!\\=^%,', '\n', '\r', '\t', ' ', '-']

/** Quoting tricks: closing a quote, ANSI-C quotes, expansions, options, here-documents. */
const SHELL_PIECES = [
  "'\\''",
  "'\"'\"'",
  "$'\\x41\\n'",
  '${IFS}',
  '$HOME',
  '$0',
  '$$',
  '$1',
  '$@',
  '!!',
  '!-1',
  '--',
  '-e',
  '-n',
  '--help',
  '%s',
  '%n',
  '\\0',
  '\\n',
  '\\',
  '2>&1',
  '<<EOF',
  'EOF',
  '#',
  '*',
  '~root',
  '{a,b}',
  '[a-z]',
  '\r\n',
]

/** Scripts across scripts: right-to-left and joining marks, astral planes, odd line breaks. */
const UNICODE = [
  'ñ',
  'ç',
  'Ω',
  'я',
  '中文',
  'שלום',
  'مرحبا',
  '\u202e',
  '\u200f',
  '\u200d',
  '\u2066',
  'e\u0301',
  '\u0301',
  '\u0338',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u00a0',
  '😀',
  '👩‍👩‍👧',
  '𝔘𝔫𝔦',
  '\u{10ffff}',
]

/** Injections that leave `<prefix>pwned…` behind if they are ever executed. */
export function canaries(prefix: string): string[] {
  return [
    `$(touch ${prefix}pwned)`,
    `\`touch ${prefix}pwned2\``,
    `; touch ${prefix}pwned3`,
    `& touch ${prefix}pwned4`,
    `| touch ${prefix}pwned5`,
    `\ntouch ${prefix}pwned6\n`,
    `'; touch ${prefix}pwned7; '`,
    `"; touch ${prefix}pwned8; "`,
    `$(touch\${IFS}${prefix}pwned9)`,
    `'$(touch ${prefix}pwned10)'`,
    `\\'; touch ${prefix}pwned11 #`,
    `&& touch ${prefix}pwned12 ||`,
    `\r\ntouch ${prefix}pwned13`,
    `<(touch ${prefix}pwned14)`,
  ]
}

/** One control character other than NUL, which no shell word can hold. */
const control = fc
  .oneof(fc.integer({ min: 1, max: 31 }), fc.constant(127))
  .map((code) => String.fromCharCode(code))

/** Bytes of a binary value read as latin1: every code below 256 but NUL. */
export const latin1Bytes = fc
  .uint8Array({ maxLength: 24 })
  .map((bytes) => Buffer.from(bytes.filter((byte) => byte !== 0)).toString('latin1'))

const withoutNul = (text: string) => text.replaceAll('\0', '')

function hostilePiece(prefix: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...SHELL_CHARACTERS) },
    { weight: 3, arbitrary: fc.constantFrom(...SHELL_PIECES) },
    { weight: 2, arbitrary: fc.constantFrom(...canaries(prefix)) },
    { weight: 3, arbitrary: fc.constantFrom(...UNICODE) },
    { weight: 2, arbitrary: control },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }).map(withoutNul) },
    { weight: 1, arbitrary: latin1Bytes },
  )
}

/**
 * A NUL-free string biased to what a shell reads specially. Now and then it starts with `-`
 * (an option to the tool that gets it) or runs to a few thousand characters of unicode.
 */
export function hostileString(canaryPrefix: string): fc.Arbitrary<string> {
  const pieces = fc.array(hostilePiece(canaryPrefix), { maxLength: 14 }).map((p) => p.join(''))
  const long = fc
    .array(fc.oneof(fc.constantFrom(...UNICODE), fc.string({ unit: 'grapheme', maxLength: 8 })), {
      minLength: 100,
      maxLength: 400,
    })
    .map((parts) => withoutNul(parts.join('')))
  return fc.oneof(
    { weight: 16, arbitrary: pieces },
    { weight: 2, arbitrary: pieces.map((text) => `-${text}`) },
    { weight: 1, arbitrary: long },
  )
}
