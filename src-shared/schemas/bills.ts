import { z } from 'zod'
import { idSchema, listQueryShape, multiLineText, singleLineText, versionSchema } from './common'
import { COUNTRY_CODES } from '../countries'

/**
 * Bills as the interface sees them (spec: billing 7), and the billing run's wizard (6.1).
 * Amounts travel as decimal text with two places ("-12.50"), never as numbers: a float
 * would not survive a round trip of cents.
 */

export const BILL_TYPES = [
  'INVOICE',
  'AMENDMENTINVOICE',
  'FEE',
  'AMENDMENTFEE',
  'PROFORMA',
] as const
export type BillTypeName = (typeof BILL_TYPES)[number]

/**
 * Derived from the bill's transactions, never stored (spec 7.6): OPEN while the bill is open
 * or a pro forma; CREATED, PROCESSED and EXECUTED as its transaction goes through the bank;
 * PAID once the money is secured; INCOMPLETE when what is under way no longer covers the
 * total; BAD_DEBT when nothing is under way (every transaction rejected).
 */
export const PAYMENT_STATES = [
  'OPEN',
  'CREATED',
  'PROCESSED',
  'EXECUTED',
  'PAID',
  'INCOMPLETE',
  'BAD_DEBT',
] as const
export type PaymentState = (typeof PAYMENT_STATES)[number]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date as 'YYYY-MM-DD' that exists (no 30 February). */
export const isoDateSchema = z
  .string()
  .regex(ISO_DATE, 'must be a date as YYYY-MM-DD')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
  }, 'is not a calendar date')

/** Decimal text with at most two places, signed. */
export const centsSchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,10}(\.\d{1,2})?$/, 'must be an amount with at most 2 decimals')

/** The list's filter on a bill's total (spec 7.5): above, below, at or off zero. */
export const TOTAL_SIGNS = ['POSITIVE', 'NEGATIVE', 'ZERO', 'NONZERO'] as const
export type TotalSign = (typeof TOTAL_SIGNS)[number]

/** The list's filter on a bill's amendments: closed ones, open ones, any, or none at all. */
export const AMENDED_FILTERS = ['CLOSED', 'OPEN', 'ANY', 'NONE'] as const
export type AmendedFilter = (typeof AMENDED_FILTERS)[number]

export const billListSchema = z.strictObject({
  ...listQueryShape,
  dir: listQueryShape.dir.default('desc'),
  type: z.enum(BILL_TYPES).optional(),
  isOpen: z.boolean().optional(),
  isSent: z.boolean().optional(),
  paymentState: z.enum(PAYMENT_STATES).optional(),
  accountId: idSchema.optional(),
  totalSign: z.enum(TOTAL_SIGNS).optional(),
  amended: z.enum(AMENDED_FILTERS).optional(),
  /** The account's active flag; false also takes bills whose account is gone. */
  accountActive: z.boolean().optional(),
  /** The bills holding a line of this order. */
  orderId: idSchema.optional(),
  /** The bills a billing run wrote, to link to them after the run. */
  ids: z.array(idSchema).max(1000).optional(),
})
export type BillListQuery = z.input<typeof billListSchema>

export interface BillRow {
  id: number
  number: string
  type: BillTypeName
  accountId: number | null
  /** The account's username, or the buyer frozen on the bill once the account is gone. */
  accountName: string
  isOpen: boolean
  isSent: boolean
  createdOn: string
  closedOn: string | null
  dueOn: string | null
  total: string
  paymentState: PaymentState
  amendOf: { id: number; number: string } | null
  /** Closed amendments of this bill: the list shows its state struck through. */
  amendedBy: number
}

export interface BillSublineView {
  id: number
  type: string
  description: string
  total: string
}

export interface BillLineView {
  id: number
  orderId: number | null
  description: string
  rate: string | null
  size: string
  metric: string
  quantity: string
  verboseQuantity: string
  subtotal: string
  tax: string
  /** Subtotal plus sublines, rounded to cents. */
  total: string
  startOn: string
  endOn: string | null
  /** The period as the bill prints it (spec 7.8), e.g. "Jan. '26 / Dec. '26". */
  period: string
  amendedLineId: number | null
  /** Whether the line's order can go back to its state before the line (undo). */
  hasOrder: boolean
  sublines: BillSublineView[]
}

export interface BillTaxView {
  rate: string
  base: string
  tax: string
}

export interface BillDetail extends BillRow {
  version: number
  /** Open, not a pro forma, and its account has no bill contact: closing would be refused. */
  needsContact: boolean
  comments: string
  buyer: { name: string; vat: string; address: string; city: string; country: string } | null
  lines: BillLineView[]
  taxes: BillTaxView[]
  base: string
  tax: string
  amendments: Pick<BillRow, 'id' | 'number' | 'type' | 'total' | 'isOpen' | 'paymentState'>[]
}

export const billCloseSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(500),
  /** Empty: today + the chosen source's method's delay, or 1 month without one (spec 7.4). */
  dueOn: isoDateSchema.optional(),
  /**
   * The payment source each bill is closed with; `null` for none (paid by hand). A bill left
   * out is closed with its account's default source, if it may use it.
   */
  sources: z
    .array(z.strictObject({ billId: idSchema, sourceId: idSchema.nullable() }))
    .max(500)
    .default([]),
})

export const billIdsSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(200) })

export const billUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  comments: multiLineText(2000).optional(),
  dueOn: isoDateSchema.nullable().optional(),
})

/** A credit note: of the whole bill, or of some lines, each for up to what it still holds. */
export const billAmendSchema = z.strictObject({
  id: idSchema,
  lines: z
    .array(
      z.strictObject({
        lineId: idSchema,
        /** What to give back, positive; the whole line when absent. */
        amount: centsSchema.optional(),
      }),
    )
    .max(500)
    .optional(),
})

export const billLineIdsSchema = z.strictObject({
  lineIds: z.array(idSchema).min(1).max(500),
})

export const billLinesToSchema = z.strictObject({
  lineIds: z.array(idSchema).min(1).max(500),
  /** An open bill of the same account. */
  toBillId: idSchema,
})

export const billLineUpdateSchema = z.strictObject({
  lineId: idSchema,
  description: singleLineText(256).min(1).optional(),
  subtotal: centsSchema.optional(),
})

export const billingRunSchema = z.strictObject({
  billingPoint: isoDateSchema,
  fixedPoint: z.boolean().default(false),
  proforma: z.boolean().default(false),
  newOpen: z.boolean().default(false),
  includeIgnored: z.boolean().default(false),
  accountIds: z.array(idSchema).max(10000).optional(),
  /** Bill only these orders (a selection, with the related orders taken); absent: all pending. */
  orderIds: z.array(idSchema).min(1).max(10000).optional(),
})
export type BillingRunInput = z.input<typeof billingRunSchema>

/** An order that could change the price of the selection being billed (spec 4.4). */
export interface RelatedOrderView {
  id: number
  accountId: number
  username: string
  serviceId: number
  service: string
  description: string
  registeredOn: string
  cancelledOn: string | null
  billedUntil: string | null
}

export interface RunPreviewLine {
  description: string
  period: string
  quantity: string
  rate: string | null
  subtotal: string
  tax: string
  /** Line total with its sublines (discounts). */
  total: string
  /** The discounts (plan, compensation, prepay) taking the subtotal down to the total. */
  sublines: { description: string; total: string }[]
}

export interface RunPreviewBill {
  type: BillTypeName
  /** The open bill the lines go on; null when the run opens a new one. */
  existingBillId: number | null
  lines: RunPreviewLine[]
  base: string
  tax: string
  total: string
}

export interface RunPreviewView {
  accounts: { accountId: number; username: string; bills: RunPreviewBill[]; total: string }[]
  lines: number
  total: string
}

export interface RunCommittedView extends RunPreviewView {
  /** The bills written, for the links after the run; empty: "no pending billing". */
  billIds: number[]
  ordersUpdated: number
}

/** A PDF in a JSON answer: the bridges carry JSON, so the bytes go as base64. */
export interface PdfFile {
  fileName: string
  base64: string
}

/** The buyer's fiscal identity (spec 10): what a bill needs before it can be closed. */
export const billContactSchema = z.strictObject({
  accountId: idSchema,
  /** Blank prints the account's full name. */
  name: singleLineText(256).default(''),
  vat: singleLineText(32).min(1),
  address: multiLineText(400).default(''),
  zipcode: singleLineText(16).default(''),
  city: singleLineText(128).default(''),
  country: z.enum(COUNTRY_CODES, 'must be a country code such as ES'),
})
export type BillContactInput = z.input<typeof billContactSchema>

export interface BillContactView {
  accountId: number
  name: string
  vat: string
  address: string
  zipcode: string
  city: string
  country: string
}
