import { z } from 'zod'
import type { Page } from '../../schemas/common'
import { idSchema } from '../../schemas/common'
import {
  paymentSourceCreateSchema,
  paymentSourceUpdateSchema,
  processCreateSchema,
  processDeleteSchema,
  processListSchema,
  processSetStateSchema,
  transactionCreateSchema,
  transactionListSchema,
  transactionSetStateSchema,
  transactionUpdateSchema,
  type BillPaymentChoice,
  type PaymentMethodView,
  type PaymentSourceView,
  type ProcessDetail,
  type ProcessFile,
  type ProcessRow,
  type TransactionReport,
  type TransactionRow,
} from '../../schemas/payments'
import { billIdsSchema } from '../../schemas/bills'
import { byId, nothing, read, write } from '../define'

/**
 * Payments (spec: billing 9): channels `paymentMethods:*`, `paymentSources:*`,
 * `transactions:*` and `paymentProcesses:*`, and the close dialog's choice of source.
 */
export const paymentChannels = {
  /** The enabled methods (setting PAYMENTS_ENABLED_METHODS) and what each does. */
  'paymentMethods:list': read<PaymentMethodView[]>()(nothing),
  'paymentSources:list': read<PaymentSourceView[]>()(z.strictObject({ accountId: idSchema })),
  'paymentSources:create': write<PaymentSourceView>()(paymentSourceCreateSchema),
  'paymentSources:update': write<PaymentSourceView>()(paymentSourceUpdateSchema),
  /** Its transactions stay, with no source. */
  'paymentSources:delete': write<{ deleted: number }>()(byId),
  /** Per open bill, the sources it may be closed with and the one pre-selected. */
  'paymentSources:forBills': read<BillPaymentChoice[]>()(billIdsSchema),
  'transactions:list': read<Page<TransactionRow>>()(transactionListSchema),
  /** Amounts per state and currency, and per currency in all, over the list's filter. */
  'transactions:report': read<TransactionReport>()(transactionListSchema),
  /** Refused when the bill's transactions not rejected already cover its total. */
  'transactions:create': write<TransactionRow>()(transactionCreateSchema),
  /** Amount and currency, only while waiting for processing or execution. */
  'transactions:update': write<TransactionRow>()(transactionUpdateSchema),
  /** Every one must allow the step; none changes otherwise. */
  'transactions:setState': write<{ changed: number }>()(transactionSetStateSchema),
  /** A new transaction for a rejected one: same bill, source, amount and currency. */
  'transactions:createReissue': write<TransactionRow>()(byId),
  /** Processes the transactions (all waiting for processing) into one file per kind. */
  'paymentProcesses:create': write<{ processes: ProcessRow[] }>()(processCreateSchema),
  'paymentProcesses:list': read<Page<ProcessRow>>()(processListSchema),
  'paymentProcesses:get': read<ProcessDetail>()(byId),
  'paymentProcesses:setState': write<ProcessDetail>()(processSetStateSchema),
  /** Only while all its transactions wait for execution; they go back to processing. */
  'paymentProcesses:delete': write<{ deleted: number }>()(processDeleteSchema),
  /** The bank file, as stored when the process was created. */
  'paymentProcesses:file': read<ProcessFile>()(byId),
} as const
