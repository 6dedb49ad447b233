import type { BillType } from './bill-document'

/**
 * Bill numbers (spec: billing 7.3): prefix + year + sequence, the sequence zero padded to
 * BILLS_NUMBER_LENGTH digits. Each (prefix, year) is one numeric series kept in the database
 * (data/bill-numbering.ts), so a series goes past 9999 with more digits instead of sorting
 * "10000" before "9999" and reusing a number, as the original's text ordering did.
 */

export const NUMBER_PREFIX_SETTING = {
  INVOICE: 'BILLS_INVOICE_NUMBER_PREFIX',
  AMENDMENTINVOICE: 'BILLS_AMENDMENT_INVOICE_NUMBER_PREFIX',
  FEE: 'BILLS_FEE_NUMBER_PREFIX',
  AMENDMENTFEE: 'BILLS_AMENDMENT_FEE_NUMBER_PREFIX',
  PROFORMA: 'BILLS_PROFORMA_NUMBER_PREFIX',
} as const satisfies Record<BillType, string>

/** An open bill's provisional series: its final prefix after an "O" ("OI20260003"). */
export function provisionalPrefix(prefix: string): string {
  return `O${prefix}`
}

/**
 * The printed number. Padding never cuts: sequence 10000 at length 4 prints "10000". Two
 * different sequences of one series never print the same, whatever the length setting was.
 */
export function formatBillNumber(
  prefix: string,
  year: number,
  sequence: number,
  length: number,
): string {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`A bill sequence starts at 1, not ${sequence}`)
  }
  return `${prefix}${String(year).padStart(4, '0')}${String(sequence).padStart(length, '0')}`
}
