import { assembleRun, type AssembledRun } from '../../../src-main/billing/assemble'
import { billOrders, type BillingRun } from '../../../src-main/billing/engine'
import { cents, money, type Money } from '../../../src-main/billing/money'
import { billTotals } from '../../../src-main/billing/totals'
import type {
  BilledOrder,
  BilledService,
  BillingOptions,
  MetricRow,
  OrderUpdate,
  RateRow,
} from '../../../src-main/billing/types'

/**
 * A billing run through the whole pure chain (spec 6, 7.2, 7.5): billOrders, then assembleRun,
 * then the totals of each bill as its stored lines give them.
 */

export interface Chain {
  run: AssembledRun
  orderUpdates: OrderUpdate[]
  /** Per bill: base, tax and total as printed, and each rate's tax. */
  totals: { base: string; tax: string; total: string; taxes: string[] }[]
}

export interface ChainFields {
  metrics?: Map<number, MetricRow[]>
  rates?: RateRow[]
  accountOrders?: BilledOrder[]
  proforma?: boolean
  openProformaId?: number
}

export function chain(
  services: BilledService[],
  orders: BilledOrder[],
  options: Partial<BillingOptions>,
  fields: ChainFields | Map<number, MetricRow[]> = {},
): Chain {
  const extra: ChainFields = fields instanceof Map ? { metrics: fields } : fields
  const billing: BillingRun = {
    orders,
    services: new Map(services.map((s) => [s.id, s])),
    accountOrders: extra.accountOrders ?? orders,
    ratesFor: () => extra.rates ?? [],
    metrics: extra.metrics ?? new Map(),
    options: { billingPoint: '2024-01-01', fixedPoint: false, today: '2024-01-01', ...options },
    proforma: extra.proforma ?? false,
  }
  const { lines, orderUpdates } = billOrders(billing)
  const taxes = new Map<number, Money>(services.map((s) => [s.id, s.tax]))
  const open = new Map(
    orders.map((o) => [o.accountId, { invoiceId: null, proformaId: extra.openProformaId ?? null }]),
  )
  const run = assembleRun(lines, taxes, open, {
    proforma: extra.proforma ?? false,
    newOpen: false,
  })
  const totals = run.bills.map((bill) => {
    const result = billTotals(
      bill.lines.map((line) => ({
        subtotal: line.subtotal,
        sublines: line.sublines.map((subline) => subline.total),
        tax: line.tax,
      })),
    )
    return {
      base: cents(result.base),
      tax: cents(result.tax),
      total: cents(result.total),
      taxes: result.taxes.map((entry) => `${entry.rate.toString()}%: ${cents(entry.tax)}`),
    }
  })
  return { run, orderUpdates, totals }
}

/** A value in force from `createdOn` on, as metric storage keeps it. */
export function row(createdOn: string, value: string): MetricRow {
  return { createdOn, updatedOn: `${createdOn}T12:00:00Z`, value: money(value) }
}
