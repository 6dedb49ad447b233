/**
 * Shows stored `xn--` names in the script they were typed in. Browsers convert to ASCII (the
 * URL parser) but not back, so this decodes Punycode (RFC 3492) itself; the form that is
 * stored and written to servers stays the ASCII one.
 */

const BASE = 36
const T_MIN = 1
const T_MAX = 26
const SKEW = 38
const DAMP = 700

function adapt(delta: number, points: number, first: boolean): number {
  let scaled = first ? Math.floor(delta / DAMP) : delta >> 1
  scaled += Math.floor(scaled / points)
  let k = 0
  while (scaled > ((BASE - T_MIN) * T_MAX) >> 1) {
    scaled = Math.floor(scaled / (BASE - T_MIN))
    k += BASE
  }
  return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW))
}

function digitOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 22
  if (code >= 97 && code <= 122) return code - 97
  return BASE
}

/** One label without its `xn--` prefix, or undefined when it is not valid Punycode. */
function decodeLabel(input: string): string | undefined {
  const output: number[] = []
  const basicEnd = Math.max(0, input.lastIndexOf('-'))
  for (const char of input.slice(0, basicEnd)) output.push(char.charCodeAt(0))

  let code = 128
  let index = 0
  let bias = 72
  let at = basicEnd > 0 ? basicEnd + 1 : 0
  while (at < input.length) {
    const oldIndex = index
    for (let weight = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) return undefined
      const digit = digitOf(input.charCodeAt(at++))
      if (digit >= BASE) return undefined
      index += digit * weight
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias
      if (digit < threshold) break
      weight *= BASE - threshold
    }
    const length = output.length + 1
    bias = adapt(index - oldIndex, length, oldIndex === 0)
    code += Math.floor(index / length)
    index %= length
    if (code > 0x10ffff) return undefined
    output.splice(index, 0, code)
    index++
  }
  // `xn--` alone decodes to nothing: not a name anyone typed, so it stays as stored.
  return output.length ? String.fromCodePoint(...output) : undefined
}

/** `xn--bckerei-beispiel-2nb.de` → `bäckerei-beispiel.de`; other names come back as they are. */
export function toUnicodeName(name: string): string {
  return name
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodeLabel(label.slice(4)) ?? label) : label))
    .join('.')
}

/** Whether a stored name reads differently in Unicode, so its ASCII form is worth a hint. */
export function isInternationalName(name: string): boolean {
  return name.split('.').some((label) => label.startsWith('xn--'))
}
