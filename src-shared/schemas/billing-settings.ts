import { z } from 'zod'

/**
 * A bill number prefix: one to four capital letters, never starting with O, which marks the
 * provisional number of an open bill ("OI20260003"); a final prefix starting with O could
 * take an open bill's number.
 */
const numberPrefix = z
  .string()
  .trim()
  .regex(/^[A-NP-Z][A-Z]{0,3}$/, { message: 'must be 1 to 4 capital letters, not starting with O' })

const prefixSetting = (kind: string, value: string) => ({
  group: 'BILLS',
  help: `The letters that start every ${kind} number, before the year and the sequence.`,
  schema: numberPrefix,
  default: value,
})

/** Spec billing 7.3: bill numbers are prefix + year + sequence, one series per prefix and year. */
export const BILLING_SETTINGS = {
  BILLS_NUMBER_LENGTH: {
    group: 'BILLS',
    help:
      'The digits of the sequence in a bill number, zero padded (4: I20260001). A series that ' +
      'outgrows them goes on with more digits (I202610000) and never repeats a number.',
    schema: z.number().int().min(1).max(8),
    default: 4,
  },
  BILLS_INVOICE_NUMBER_PREFIX: prefixSetting('invoice', 'I'),
  BILLS_AMENDMENT_INVOICE_NUMBER_PREFIX: prefixSetting('amendment invoice', 'A'),
  BILLS_FEE_NUMBER_PREFIX: prefixSetting('fee', 'F'),
  BILLS_AMENDMENT_FEE_NUMBER_PREFIX: prefixSetting('amendment fee', 'B'),
  BILLS_PROFORMA_NUMBER_PREFIX: prefixSetting('pro forma', 'P'),
} as const
