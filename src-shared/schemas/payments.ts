import { z } from 'zod'
import { idSchema, listQueryShape, requiredText, singleLineText, versionSchema } from './common'
import { identifierProblem } from './misc-identifiers'
import { centsSchema, isoDateSchema } from './bills'
import { isSepaCountryIban } from './sepa-identifiers'

/**
 * Payments (spec: billing 9): the account's payment sources, the transactions that collect a
 * closed bill's total, and the processes that turn transactions into bank files (SEPA).
 *
 * Methods: SEPA direct debit (processed into pain.008 for debts and pain.001 for refunds) and
 * bank transfer (manual: the customer pays to the seller's bank account). The original's
 * credit card method stored card numbers and security codes in clear; it is left out, and an
 * imported credit card source would read as a manual method (spec 9.1 asks for it).
 */

export const PAYMENT_METHODS = ['SEPA_DIRECT_DEBIT', 'BANK_TRANSFER'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** Spec 9.2, spelled correctly (the original writes WAITTING). */
export const TRANSACTION_STATES = [
  'WAITING_PROCESSING',
  'WAITING_EXECUTION',
  'EXECUTED',
  'SECURED',
  'REJECTED',
] as const
export type TransactionState = (typeof TRANSACTION_STATES)[number]

export const PROCESS_STATES = ['CREATED', 'EXECUTED', 'COMMITTED', 'ABORTED'] as const
export type ProcessState = (typeof PROCESS_STATES)[number]

/** A SEPA process collects debts (pain.008) or pays refunds back (pain.001). */
export const PROCESS_KINDS = ['DIRECT_DEBIT', 'CREDIT_TRANSFER'] as const
export type ProcessKind = (typeof PROCESS_KINDS)[number]

/** A mandate's sequence type; FRST until the first collection under it went through. */
export const SEPA_SEQUENCES = ['FRST', 'RCUR', 'FNAL', 'OOFF'] as const
export type SepaSequence = (typeof SEPA_SEQUENCES)[number]

/**
 * SEPA direct debit data: the debtor's name and IBAN, and the mandate the customer signed
 * (spec 9.5's improvement: the mandate is tracked, not the account id and join date).
 * `mandateId` is a SEPA identifier: up to 35 of A-Z a-z 0-9 and `+ ? / - : ( ) . , '`.
 */
export const sepaSourceDataSchema = z.strictObject({
  name: requiredText(70),
  /** Spaces allowed on input; stored compact in capitals. */
  iban: z
    .string()
    .max(50)
    .transform((text) => text.replace(/\s+/g, '').toUpperCase())
    .refine((iban) => identifierProblem('iban', iban) === undefined, {
      // The shared IBAN check's message asks for no spaces; this field takes them.
      message: 'is not an IBAN (ISO 13616), e.g. ES91 2100 0418 4502 0005 1332',
      params: { rule: 'iban' },
      abort: true,
    })
    .refine(isSepaCountryIban, {
      message: 'is of a country outside SEPA: no SEPA bank can debit it',
      params: { rule: 'sepaCountry' },
    }),
  /** Empty: the panel gives `<account id>-<source id>`. */
  mandateId: z.string().max(35).default(''),
  /** The day the customer signed the mandate, not after today; empty: the day it is added. */
  signedOn: isoDateSchema.or(z.literal('')).default(''),
})
export type SepaSourceData = z.output<typeof sepaSourceDataSchema>

/** Bank transfer: only a label to tell it apart in lists. */
export const transferSourceDataSchema = z.strictObject({ label: singleLineText(70).default('') })

export const paymentSourceCreateSchema = z.discriminatedUnion('method', [
  z.strictObject({
    accountId: idSchema,
    method: z.literal('SEPA_DIRECT_DEBIT'),
    data: sepaSourceDataSchema,
    isActive: z.boolean().default(true),
  }),
  z.strictObject({
    accountId: idSchema,
    method: z.literal('BANK_TRANSFER'),
    data: transferSourceDataSchema,
    isActive: z.boolean().default(true),
  }),
])
export type PaymentSourceCreate = z.input<typeof paymentSourceCreateSchema>

export const paymentSourceUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  /** Checked against the source's own method's data rules. */
  data: z.record(z.string(), z.unknown()).optional(),
  isActive: z.boolean().optional(),
})

export interface PaymentSourceView {
  id: number
  accountId: number
  method: PaymentMethod
  /** What lists show: the SEPA debtor's name, or the transfer's label. */
  label: string
  /** The IBAN, in groups of four, for SEPA; empty for a transfer. */
  number: string
  data: Record<string, unknown>
  isActive: boolean
  /** Whether its method can pay money back (a negative bill may only use such a source). */
  refunds: boolean
  version: number
}

/** The enabled methods and what each does, for the source form and the close dialog. */
export interface PaymentMethodView {
  method: PaymentMethod
  label: string
  refunds: boolean
  /** The due date's distance from the close: "5 days", "1 month". */
  dueDelta: string
  /** Whether its transactions are processed into files (SEPA) or paid by hand. */
  processed: boolean
}

export const transactionListSchema = z.strictObject({
  ...listQueryShape,
  dir: listQueryShape.dir.default('desc'),
  state: z.enum(TRANSACTION_STATES).optional(),
  billId: idSchema.optional(),
  accountId: idSchema.optional(),
  processId: idSchema.optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
})

export interface TransactionRow {
  id: number
  billId: number
  billNumber: string
  accountId: number | null
  accountName: string
  sourceId: number | null
  /** The source's method and label, or null when there is none (paid by hand). */
  method: PaymentMethod | null
  sourceLabel: string
  processId: number | null
  state: TransactionState
  /** Negative: money back to the customer. */
  amount: string
  currency: string
  createdAt: string
  modifiedAt: string
  version: number
  /** The manual actions this state allows (spec 9.2). */
  actions: TransactionAction[]
}

/** Manual steps on transactions (spec 9.2); `reissue` opens a new one for a rejected one. */
export const TRANSACTION_ACTIONS = ['process', 'markExecuted', 'markSecured', 'reject'] as const
export type TransactionAction = (typeof TRANSACTION_ACTIONS)[number] | 'reissue'

export const transactionCreateSchema = z.strictObject({
  billId: idSchema,
  sourceId: idSchema.nullable().default(null),
  amount: centsSchema,
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code')
    .optional(),
})

export const transactionUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  amount: centsSchema.optional(),
  currency: transactionCreateSchema.shape.currency,
})

export const transactionSetStateSchema = z
  .strictObject({
    ids: z.array(idSchema).min(1).max(1000),
    action: z.enum(['markExecuted', 'markSecured', 'reject']),
    /** The version of each id as the clerk saw it, in the same order; a changed one conflicts. */
    versions: z.array(versionSchema).max(1000).optional(),
  })
  .refine((request) => !request.versions || request.versions.length === request.ids.length, {
    message: 'must hold one version per id',
    path: ['versions'],
  })

export interface TransactionReport {
  /** Count and sum per state and currency, those with none left out. */
  states: { state: TransactionState; currency: string; count: number; amount: string }[]
  /** The sum in each currency: amounts of two currencies are never added. */
  totals: { currency: string; amount: string }[]
}

export const processCreateSchema = z.strictObject({
  transactionIds: z.array(idSchema).min(1).max(1000),
  /** The day the bank collects the debits; default today + the method's lead time. */
  collectionOn: isoDateSchema.optional(),
})

export const processListSchema = z.strictObject({
  ...listQueryShape,
  dir: listQueryShape.dir.default('desc'),
  state: z.enum(PROCESS_STATES).optional(),
})

export interface ProcessRow {
  id: number
  kind: ProcessKind
  state: ProcessState
  transactions: number
  /** Σ |amount|, as the file's control sum. */
  amount: string
  fileName: string
  createdAt: string
  updatedAt: string
  version: number
  actions: ProcessAction[]
}

export interface ProcessDetail extends ProcessRow {
  lines: TransactionRow[]
}

export const PROCESS_ACTIONS = ['markExecuted', 'abort', 'commit'] as const
export type ProcessAction = (typeof PROCESS_ACTIONS)[number] | 'delete'

/** Deleting a process: the version the clerk saw, as for its steps. */
export const processDeleteSchema = z.strictObject({ id: idSchema, version: versionSchema })

export const processSetStateSchema = z.strictObject({
  id: idSchema,
  /** The version the clerk saw: a process changed meanwhile is not stepped on from it. */
  version: versionSchema,
  action: z.enum(PROCESS_ACTIONS),
})

export interface ProcessFile {
  fileName: string
  mimeType: 'application/xml'
  /** The XML text, UTF-8, as the bank takes it. */
  content: string
}

/** For the close dialog: the sources each bill may be closed with (spec 7.4). */
export interface BillPaymentChoice {
  billId: number
  number: string
  total: string
  /** Active sources of the bill's account; a negative bill only offers refunding ones. */
  sources: PaymentSourceView[]
  /** Pre-selected: the first offered, or none. */
  defaultSourceId: number | null
}
