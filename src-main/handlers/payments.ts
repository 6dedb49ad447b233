import type { Channels } from '../../src-shared/contract/channels'
import { PAYMENT_METHODS } from '../../src-shared/schemas/payments'
import { billPaymentChoices } from '../data/bill-payment'
import * as sources from '../data/payment-sources'
import * as transactions from '../data/transactions'
import { settingValue } from '../data/settings'
import { methodView } from '../payments/methods'
import { localToday } from './bills'
import type { HandlerTable } from './types'

type PaymentChannels = Extract<
  keyof Channels,
  `paymentMethods:${string}` | `paymentSources:${string}` | `transactions:${string}`
>

/** Payments (spec: billing 9.1, 9.2); the SEPA processes are in payment-processes.ts. */
export const paymentHandlers: HandlerTable<PaymentChannels> = {
  'paymentMethods:list': async (_request, { tx }) => {
    const enabled = await settingValue(tx, 'PAYMENTS_ENABLED_METHODS')
    return PAYMENT_METHODS.filter((method) => enabled.includes(method)).map(methodView)
  },

  'paymentSources:list': ({ accountId }, { tx }) => sources.listPaymentSources(tx, accountId),
  // A mandate cannot be signed after the clerk's today, in this workstation's zone.
  'paymentSources:create': (request, scope) =>
    sources.createPaymentSource(scope, request, localToday(scope.now)),
  'paymentSources:update': (request, scope) =>
    sources.updatePaymentSource(scope, request, localToday(scope.now)),
  'paymentSources:delete': async ({ id }, scope) => {
    await sources.deletePaymentSource(scope, id)
    return { deleted: 1 }
  },
  'paymentSources:forBills': ({ ids }, { tx }) => billPaymentChoices(tx, ids),

  'transactions:list': (request, { tx }) => transactions.listTransactions(tx, request),
  'transactions:report': (request, { tx }) => transactions.transactionReport(tx, request),
  // Writes answer with the list's row, read back in the same unit of work.
  'transactions:create': async (request, scope) => {
    const row = await transactions.createTransaction(scope, request)
    return transactions.getTransactionRow(scope.tx, row.id)
  },
  'transactions:update': async (request, scope) => {
    const row = await transactions.updateTransaction(scope, request)
    return transactions.getTransactionRow(scope.tx, row.id)
  },
  'transactions:setState': async ({ ids, action, versions }, scope) => ({
    changed: await transactions.setTransactionState(scope, ids, action, versions),
  }),
  'transactions:createReissue': async ({ id }, scope) => {
    const row = await transactions.reissueTransaction(scope, id)
    return transactions.getTransactionRow(scope.tx, row.id)
  },
}
