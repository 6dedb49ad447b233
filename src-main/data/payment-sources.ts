import { and, asc, eq, ne } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type {
  PaymentMethod,
  PaymentSourceCreate,
  PaymentSourceView,
  paymentSourceUpdateSchema,
} from '../../src-shared/schemas/payments'
import { toFieldIssues } from '../../src-shared/validation'
import type { IsoDate } from '../billing/types'
import { PAYMENT_METHOD_SPECS } from '../payments/methods'
import { accounts, paymentSources, transactions } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { settingValue } from './settings'
import { containsAnyCase } from './sql'

/**
 * An account's payment sources (spec: billing 9.1): a method and the method's data, checked
 * by the method's own rules and stored as JSON. An account's default source is its first
 * active one. Deleting an account deletes its sources; their transactions stay, sourceless.
 */

type SourceRecord = typeof paymentSources.$inferSelect
type SourceUpdate = z.input<typeof paymentSourceUpdateSchema>

/**
 * A SEPA identifier (EPC: the mandate reference, AT-01): up to 35 of the Latin characters
 * banks carry, neither starting nor ending with "/" and without "//".
 */
const MANDATE_ID = /^(?!\/)(?!.*\/\/)[A-Za-z0-9+?/\-:().,']{1,35}(?<!\/)$/

export function toSourceView(row: SourceRecord): PaymentSourceView {
  const spec = PAYMENT_METHOD_SPECS[row.method]
  const data = JSON.parse(row.data) as Record<string, unknown>
  return {
    id: row.id,
    accountId: row.accountId,
    method: row.method,
    label: spec.labelOf(data),
    number: spec.numberOf(data),
    data,
    isActive: row.isActive,
    refunds: spec.refunds,
    version: row.version,
  }
}

const sourceRepr = (source: PaymentSourceView) =>
  [PAYMENT_METHOD_SPECS[source.method].label, source.label].filter(Boolean).join(' ')

// --- Reading ---------------------------------------------------------------------------------

export async function getPaymentSource(tx: Tx, id: number): Promise<PaymentSourceView> {
  const [row] = await tx.select().from(paymentSources).where(eq(paymentSources.id, id))
  if (!row) throw AppError.notFound('Payment source', id)
  return toSourceView(row)
}

/** An account's sources in the order they were added: the first active one is the default. */
export async function listPaymentSources(tx: Tx, accountId: number): Promise<PaymentSourceView[]> {
  const rows = await tx
    .select()
    .from(paymentSources)
    .where(eq(paymentSources.accountId, accountId))
    .orderBy(asc(paymentSources.id))
  return rows.map(toSourceView)
}

/** The sources a bill of `total` may be closed with: active, and refunding if it is negative. */
export function sourcesForTotal(
  sources: readonly PaymentSourceView[],
  negative: boolean,
): PaymentSourceView[] {
  return sources.filter((source) => source.isActive && (!negative || source.refunds))
}

// --- Checking --------------------------------------------------------------------------------

function refuse(issues: FieldIssue[]): never {
  throw AppError.validation(issues)
}

/**
 * The method's data as stored: parsed by its schema (a SEPA IBAN comes out compact, in
 * capitals, checked), and the mandate's defaults filled in (they need the source's id and the
 * day it is added).
 */
function checkedData(
  method: PaymentMethod,
  raw: unknown,
  /** `signedOn`: the clerk's today, the default and the latest day a mandate is signed. */
  defaults: { mandateId: string; signedOn: string },
): Record<string, unknown> {
  const parsed = PAYMENT_METHOD_SPECS[method].data.safeParse(raw)
  if (!parsed.success) {
    refuse(
      toFieldIssues(parsed.error, raw).map((issue) => ({ ...issue, field: `data.${issue.field}` })),
    )
  }
  const data = parsed.data
  if (method !== 'SEPA_DIRECT_DEBIT') return data

  const mandateId = String(data.mandateId).trim() || defaults.mandateId
  if (!MANDATE_ID.test(mandateId)) {
    refuse([
      {
        field: 'data.mandateId',
        rule: 'mandate_id',
        message: "must be up to 35 of A-Z a-z 0-9 + ? / - : ( ) . , ' (no leading or double /)",
      },
    ])
  }
  // The mandate is the debtor's signed consent: a bank file must not claim one signed later.
  const signedOn = String(data.signedOn) || defaults.signedOn
  if (signedOn > defaults.signedOn) {
    refuse([
      {
        field: 'data.signedOn',
        rule: 'notFuture',
        message: `must not be after today (${defaults.signedOn}): a mandate is signed before use`,
      },
    ])
  }
  return { ...data, mandateId, signedOn }
}

/** Mandate references must be unique for the creditor, that is across all SEPA sources. */
async function assertMandateFree(tx: Tx, mandateId: string, exceptId: number) {
  const rows = await tx
    .select({ id: paymentSources.id, data: paymentSources.data })
    .from(paymentSources)
    .where(
      and(
        eq(paymentSources.method, 'SEPA_DIRECT_DEBIT'),
        ne(paymentSources.id, exceptId),
        // The JSON holds the reference as written: its characters need no escaping in JSON.
        containsAnyCase(tx, paymentSources.data, `"mandateId":"${mandateId}"`),
      ),
    )
  const taken = rows.find(
    (row) =>
      String((JSON.parse(row.data) as { mandateId?: unknown }).mandateId).toLowerCase() ===
      mandateId.toLowerCase(),
  )
  if (taken) {
    refuse([
      {
        field: 'data.mandateId',
        rule: 'unique',
        message: `mandate ${mandateId} is already the mandate of payment source ${taken.id}`,
      },
    ])
  }
}

async function assertMethodEnabled(tx: Tx, method: PaymentMethod) {
  const enabled = await settingValue(tx, 'PAYMENTS_ENABLED_METHODS')
  if (enabled.includes(method)) return
  refuse([
    {
      field: 'method',
      rule: 'enabled',
      message: `${method} is not among the enabled methods (PAYMENTS_ENABLED_METHODS)`,
    },
  ])
}

async function assertAccount(tx: Tx, accountId: number) {
  const [row] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  if (!row) {
    refuse([{ field: 'accountId', rule: 'exists', message: `account ${accountId} does not exist` }])
  }
}

// --- Writing ---------------------------------------------------------------------------------

const TRACKED_FIELDS = ['data', 'isActive'] as const satisfies readonly (keyof PaymentSourceView)[]

/** `today`: the clerk's calendar day, in this workstation's zone (handlers' localToday). */
export async function createPaymentSource(
  ctx: WriteContext,
  input: PaymentSourceCreate,
  today: IsoDate,
): Promise<PaymentSourceView> {
  await assertAccount(ctx.tx, input.accountId)
  await assertMethodEnabled(ctx.tx, input.method)
  // The default mandate reference needs the id: the row goes in first, its data after.
  const [row] = await ctx.tx
    .insert(paymentSources)
    .values({
      accountId: input.accountId,
      method: input.method,
      isActive: input.isActive ?? true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  const defaults = { mandateId: `${input.accountId}-${row!.id}`, signedOn: today }
  const data = checkedData(input.method, input.data, defaults)
  if (input.method === 'SEPA_DIRECT_DEBIT') {
    await assertMandateFree(ctx.tx, String(data.mandateId), row!.id)
  }
  const [stored] = await ctx.tx
    .update(paymentSources)
    .set({ data: JSON.stringify(data) })
    .where(eq(paymentSources.id, row!.id))
    .returning()
  const source = toSourceView(stored!)
  await recordHistory(ctx, {
    objectType: 'paymentSource',
    objectId: source.id,
    accountId: source.accountId,
    objectRepr: sourceRepr(source),
    action: 'added',
  })
  return source
}

/** New data replaces the keys it names; the whole is checked again by the method's rules. */
export async function updatePaymentSource(
  ctx: WriteContext,
  input: SourceUpdate,
  today: IsoDate,
): Promise<PaymentSourceView> {
  const before = await getPaymentSource(ctx.tx, input.id)
  assertVersion(`Payment source ${before.id}`, before, input.version)
  const defaults = { mandateId: `${before.accountId}-${before.id}`, signedOn: today }
  const data = checkedData(before.method, { ...before.data, ...input.data }, defaults)
  if (before.method === 'SEPA_DIRECT_DEBIT') {
    await assertMandateFree(ctx.tx, String(data.mandateId), before.id)
  }
  const [row] = await ctx.tx
    .update(paymentSources)
    .set({
      data: JSON.stringify(data),
      isActive: input.isActive ?? before.isActive,
      version: before.version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(paymentSources.id, before.id), eq(paymentSources.version, input.version)))
    .returning()
  if (!row) {
    throw new AppError({
      code: 'CONFLICT',
      field: 'version',
      message: `Payment source ${before.id} was changed by someone else meanwhile`,
    })
  }
  const after = toSourceView(row)
  const changes = diffFields(before, after, TRACKED_FIELDS)
  if (changes.length) {
    await recordHistory(ctx, {
      objectType: 'paymentSource',
      objectId: after.id,
      accountId: after.accountId,
      objectRepr: sourceRepr(after),
      action: 'changed',
      changes,
    })
  }
  return after
}

/** Its transactions stay, without a source (the method they were made with is kept on them). */
export async function deletePaymentSource(ctx: WriteContext, id: number): Promise<void> {
  const source = await getPaymentSource(ctx.tx, id)
  // A transaction waiting for its file needs the source's account details to be processed.
  const [waiting] = await ctx.tx
    .select({ id: transactions.id })
    .from(transactions)
    .where(and(eq(transactions.sourceId, id), eq(transactions.state, 'WAITING_PROCESSING')))
    .limit(1)
  if (waiting) {
    refuse([
      {
        field: 'id',
        rule: 'in_use',
        message:
          `payment source ${id} has transaction ${waiting.id} waiting for processing: ` +
          'deactivate the source instead, or reject the transaction first',
      },
    ])
  }
  await recordHistory(ctx, {
    objectType: 'paymentSource',
    objectId: id,
    accountId: source.accountId,
    objectRepr: sourceRepr(source),
    action: 'deleted',
    snapshot: source,
  })
  await ctx.tx.delete(paymentSources).where(eq(paymentSources.id, id))
}
