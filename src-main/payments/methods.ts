import type { z } from 'zod'
import {
  sepaSourceDataSchema,
  transferSourceDataSchema,
  type PaymentMethod,
  type PaymentMethodView,
} from '../../src-shared/schemas/payments'
import { addDays, addMonths } from '../billing/periods'
import type { IsoDate } from '../billing/types'

/**
 * What each payment method is (spec: billing 9.1): its source data, how lists name a source,
 * whether it can pay money back, how long a bill closed with it gives the customer, and
 * whether its transactions are processed into bank files. The original's credit card method
 * is not here: it kept card numbers and security codes in clear (see schemas/payments.ts).
 */
export interface PaymentMethodSpec {
  method: PaymentMethod
  label: string
  data: z.ZodType<Record<string, unknown>>
  labelOf(data: Record<string, unknown>): string
  numberOf(data: Record<string, unknown>): string
  refunds: boolean
  dueDelta: string
  dueOn(today: IsoDate): IsoDate
  /** Whether its transactions wait for processing (a SEPA file) before the bank runs them. */
  processed: boolean
  /** The only currency its files carry (SEPA: euros); null when it makes no file. */
  fileCurrency: string | null
}

const text = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'string' ? data[key] : ''

/** An IBAN in groups of four, as people read and print it. */
export function ibanGroups(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ')
}

export const PAYMENT_METHOD_SPECS: Record<PaymentMethod, PaymentMethodSpec> = {
  SEPA_DIRECT_DEBIT: {
    method: 'SEPA_DIRECT_DEBIT',
    label: 'SEPA direct debit',
    data: sepaSourceDataSchema,
    labelOf: (data) => text(data, 'name'),
    numberOf: (data) => ibanGroups(text(data, 'iban')),
    refunds: true,
    dueDelta: '5 days',
    dueOn: (today) => addDays(today, 5),
    processed: true,
    fileCurrency: 'EUR',
  },
  BANK_TRANSFER: {
    method: 'BANK_TRANSFER',
    label: 'Bank transfer',
    data: transferSourceDataSchema,
    labelOf: (data) => text(data, 'label'),
    numberOf: () => '',
    refunds: false,
    dueDelta: '1 month',
    dueOn: (today) => addMonths(today, 1),
    processed: false,
    fileCurrency: null,
  },
}

/** A bill closed with no source is due a month on, as a bank transfer is (spec 7.4). */
export const dueWithoutSource = (today: IsoDate): IsoDate => addMonths(today, 1)

export function methodView(method: PaymentMethod): PaymentMethodView {
  const { label, refunds, dueDelta, processed } = PAYMENT_METHOD_SPECS[method]
  return { method, label, refunds, dueDelta, processed }
}
