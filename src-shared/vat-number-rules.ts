/**
 * The shape of each EU member state's VAT number after its prefix, and its check digits where
 * the algorithm is simple and published by the member state (they catch a mistyped digit).
 * The others are checked for shape only; a registry lookup is the real test of existence.
 */

const digitsOf = (text: string) => [...text].map(Number)

/** Σ digit × weight over the leading digits, as far as the weights go. */
function weighted(text: string, weights: readonly number[]): number {
  return digitsOf(text)
    .slice(0, weights.length)
    .reduce((sum, digit, i) => sum + digit * weights[i]!, 0)
}

/** Sum of the digits of a number below 100, as the doubling schemes use it. */
const digitSum = (value: number) => Math.floor(value / 10) + (value % 10)

/** Luhn over the whole text, its last digit being the check digit. */
function luhn(text: string): boolean {
  const sum = digitsOf(text)
    .reverse()
    .reduce((total, digit, i) => total + (i % 2 === 1 ? digitSum(digit * 2) : digit), 0)
  return sum % 10 === 0
}

/** ISO 7064 MOD 11,10 (Germany, Croatia): the last digit checks the ones before it. */
function mod11Then10(text: string): boolean {
  const digits = digitsOf(text)
  let product = 10
  for (const digit of digits.slice(0, -1)) {
    const sum = (digit + product) % 10 || 10
    product = (2 * sum) % 11
  }
  return (11 - product) % 10 === digits.at(-1)
}

/** The remainder of a long decimal text by `modulus`, without leaving safe integers. */
function remainder(text: string, modulus: number): number {
  return [...text].reduce((rest, char) => (rest * 10 + Number(char)) % modulus, 0)
}

/** 11 minus the weighted remainder, with 10 (and 11) read as 0, as Portugal and Slovenia do. */
function elevenMinus(text: string, weights: readonly number[]): number {
  const check = 11 - (weighted(text, weights) % 11)
  return check >= 10 ? 0 : check
}

const ES_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE'

/** Spain: a DNI (8 digits + letter), NIE (X/Y/Z, 7 digits, letter) or CIF (letter, 7, check). */
function spanishCheck(vat: string): boolean {
  const first = vat[0]!
  const last = vat.at(-1)!
  if (/^\d{8}[A-Z]$/.test(vat)) return ES_LETTERS[Number(vat.slice(0, 8)) % 23] === last
  if (/^[XYZ]\d{7}[A-Z]$/.test(vat)) {
    const number = String('XYZ'.indexOf(first)) + vat.slice(1, 8)
    return ES_LETTERS[Number(number) % 23] === last
  }
  if (!/^[A-HJ-NP-SUVW]\d{7}[0-9A-J]$/.test(vat)) return false

  // The CIF control: digits in odd places are doubled (their digits summed), even ones added.
  const sum = digitsOf(vat.slice(1, 8)).reduce(
    (total, digit, i) => total + (i % 2 === 0 ? digitSum(digit * 2) : digit),
    0,
  )
  const digit = (10 - (sum % 10)) % 10
  const letter = 'JABCDEFGHI'[digit]!
  if ('ABEH'.includes(first)) return last === String(digit)
  if ('KLMNPQRSW'.includes(first)) return last === letter
  return last === String(digit) || last === letter
}

/** The Netherlands: the old mod 11 rule, or mod 97 over "NL" + number for sole traders. */
function dutchCheck(vat: string): boolean {
  const number = vat.slice(0, 9)
  const eleven = weighted(number, [9, 8, 7, 6, 5, 4, 3, 2]) % 11
  if (eleven !== 10 && eleven === Number(number[8])) return true
  const asDigits = `2321${number}11${vat.slice(10)}` // N = 23, L = 21, B = 11
  return remainder(asDigits, 97) === 1
}

interface VatRule {
  pattern: RegExp
  check?: (vat: string) => boolean
}

/** By VAT prefix (Greece is EL), for the part after the prefix, in capitals without spaces. */
export const VAT_RULES: Record<string, VatRule> = {
  AT: {
    pattern: /^U\d{8}$/,
    check: (vat) => {
      const d = digitsOf(vat.slice(1))
      const sum = d[0]! + digitSum(2 * d[1]!) + d[2]! + digitSum(2 * d[3]!) + d[4]!
      const total = sum + digitSum(2 * d[5]!) + d[6]!
      return (10 - ((total + 4) % 10)) % 10 === d[7]
    },
  },
  BE: {
    pattern: /^[01]\d{9}$/,
    check: (vat) => 97 - (Number(vat.slice(0, 8)) % 97) === Number(vat.slice(8)),
  },
  BG: { pattern: /^\d{9,10}$/ },
  CY: { pattern: /^[013459]\d{7}[A-Z]$/ },
  CZ: { pattern: /^\d{8,10}$/ },
  DE: { pattern: /^[1-9]\d{8}$/, check: mod11Then10 },
  DK: {
    pattern: /^[1-9]\d{7}$/,
    check: (vat) => weighted(vat, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0,
  },
  EE: {
    pattern: /^10\d{7}$/,
    check: (vat) => (10 - (weighted(vat, [3, 7, 1, 3, 7, 1, 3, 7]) % 10)) % 10 === Number(vat[8]),
  },
  EL: {
    pattern: /^\d{9}$/,
    check: (vat) => (weighted(vat, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === Number(vat[8]),
  },
  ES: { pattern: /^[A-Z0-9]\d{7}[A-Z0-9]$/, check: spanishCheck },
  FI: {
    pattern: /^\d{8}$/,
    check: (vat) => {
      const rest = weighted(vat, [7, 9, 10, 5, 8, 4, 2]) % 11
      return rest !== 1 && (rest === 0 ? 0 : 11 - rest) === Number(vat[7])
    },
  },
  FR: {
    // The key is two digits computed from the SIREN, or (newer numbers) letters it cannot check.
    pattern: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
    check: (vat) =>
      !/^\d{2}/.test(vat) ||
      (12 + 3 * remainder(vat.slice(2), 97)) % 97 === Number(vat.slice(0, 2)),
  },
  HR: { pattern: /^\d{11}$/, check: mod11Then10 },
  HU: {
    pattern: /^\d{8}$/,
    check: (vat) => (10 - (weighted(vat, [9, 7, 3, 1, 9, 7, 3]) % 10)) % 10 === Number(vat[7]),
  },
  IE: { pattern: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/ },
  IT: { pattern: /^\d{11}$/, check: luhn },
  LT: { pattern: /^(\d{9}|\d{12})$/ },
  LU: {
    pattern: /^\d{8}$/,
    check: (vat) => remainder(vat.slice(0, 6), 89) === Number(vat.slice(6)),
  },
  LV: { pattern: /^\d{11}$/ },
  MT: { pattern: /^[1-9]\d{7}$/ },
  NL: { pattern: /^\d{9}B\d{2}$/, check: dutchCheck },
  PL: {
    pattern: /^\d{10}$/,
    check: (vat) => weighted(vat, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(vat[9]),
  },
  PT: {
    pattern: /^[1-9]\d{8}$/,
    check: (vat) => elevenMinus(vat, [9, 8, 7, 6, 5, 4, 3, 2]) === Number(vat[8]),
  },
  RO: { pattern: /^[1-9]\d{1,9}$/ },
  SE: { pattern: /^\d{10}01$/, check: (vat) => luhn(vat.slice(0, 10)) },
  SI: {
    pattern: /^[1-9]\d{7}$/,
    // 11 - remainder; 10 reads as 0, and 11 (remainder 0) is given to no number.
    check: (vat) => {
      const rest = weighted(vat, [8, 7, 6, 5, 4, 3, 2]) % 11
      return rest !== 0 && (11 - rest) % 10 === Number(vat[7])
    },
  },
  SK: { pattern: /^[1-9]\d{9}$/, check: (vat) => remainder(vat, 11) === 0 },
}
