import { z } from 'zod'
import type { Page } from '../../schemas/common'
import { idSchema } from '../../schemas/common'
import {
  billAmendSchema,
  billCloseSchema,
  billContactSchema,
  billIdsSchema,
  billingRunSchema,
  billLineIdsSchema,
  billLinesToSchema,
  billLineUpdateSchema,
  billListSchema,
  billUpdateSchema,
  type BillContactView,
  type BillDetail,
  type BillRow,
  type PdfFile,
  type RelatedOrderView,
  type RunCommittedView,
  type RunPreviewView,
} from '../../schemas/bills'
import { action, byId, read, write } from '../define'

/** Someone a closed bill is mailed to: a contact of its account marked for billing. */
export interface BillRecipientView {
  name: string
  email: string
}

/** Where a bill's mail would go, for the confirmation before sending it (spec 7.4). */
export interface BillMailPlan {
  recipients: BillRecipientView[]
  /** The mail server, `host:port`. */
  server: string
  /** Its login; empty sends without one (and needs no password). */
  login: string
}

/**
 * How a send went: the bill is marked sent only when `ok`. A failure names the server or the
 * refused recipients in `message`, written for the user; `accepted` may still hold some.
 */
export type BillSendResult =
  | { ok: true; server: string; accepted: string[] }
  | {
      ok: false
      reason:
        | 'NO_RECIPIENTS'
        | 'INVALID_ADDRESS'
        | 'NO_PASSWORD'
        | 'UNREACHABLE'
        | 'LOGIN_REFUSED'
        | 'RECIPIENT_REFUSED'
        | 'REFUSED'
      server: string
      accepted: string[]
      refused: string[]
      message: string
    }

/**
 * Bills (spec: billing 7), the billing run (6.1) and the buyer's bill contact (10): channels
 * `bills:*`, `billLines:*`, `billingRuns:*`, `billContacts:*` and the mail server's password.
 */
export const billChannels = {
  'bills:list': read<Page<BillRow>>()(billListSchema),
  /** The bill with its lines, sublines, totals per tax rate and amendments. */
  'bills:get': read<BillDetail>()(byId),
  /** Comments and due date of an open bill. */
  'bills:update': write<BillDetail>()(billUpdateSchema),
  /** Final numbers in closing order, due date, buyer and printed document frozen. */
  'bills:setClosed': write<{ closed: BillRow[] }>()(billCloseSchema),
  /** The printed bill; an open one carries the "pro forma / draft" watermark. */
  'bills:pdf': read<PdfFile>()(byId),
  /** The closed bills among `ids` (a run's) in one PDF, for one print job; open ones left out. */
  'bills:printRun': read<PdfFile & { bills: number }>()(billIdsSchema),
  /** Opens a credit note of a closed invoice or fee, of the whole bill or of some lines. */
  'bills:createAmendment': write<BillDetail>()(billAmendSchema),
  'bills:delete': write<{ deleted: number }>()(byId),
  /** Who a closed bill would be mailed to, and through which server. */
  'bills:recipients': read<BillMailPlan>()(byId),
  /**
   * Mails a closed bill with its PDF to the account's billing contacts and marks it sent once
   * all took it. An action: the mail server is talked to outside any transaction.
   */
  'bills:setSent': action<BillSendResult>()(byId),
  /** Keeps the mail server's password in the OS keychain, under the current SMTP settings. */
  'smtp:setPassword': action<{ kept: true }>()(
    z.strictObject({ password: z.string().min(1).max(1024) }),
  ),
  'billLines:update': write<BillDetail>()(billLineUpdateSchema),
  'billLines:delete': write<{ removed: number }>()(billLineIdsSchema),
  /** Removes lines and gives their orders back the state before them (spec 6.12). */
  'billLines:deleteWithUndo': write<{ removed: number; ordersRestored: number; message: string }>()(
    billLineIdsSchema,
  ),
  'billLines:updateBill': write<{ moved: number }>()(billLinesToSchema),
  'billLines:createCopies': write<{ copied: number }>()(billLinesToSchema),
  /** Which accounts, bills, lines and totals a run would write; writes nothing. */
  'billingRuns:preview': read<RunPreviewView>()(billingRunSchema),
  'billingRuns:create': write<RunCommittedView>()(billingRunSchema),
  /**
   * Orders of the selection's accounts and services that could change its price (spec 4.4),
   * to offer for inclusion; none without an `orderIds` selection, as the run then bills them all.
   */
  'billingRuns:relatedOrders': read<{ orders: RelatedOrderView[] }>()(billingRunSchema),
  /** Open bills an account's lines may be moved or copied to. */
  'bills:openOfAccount': read<BillRow[]>()(z.strictObject({ accountId: idSchema })),
  /** The account's bill contact, the buyer its bills are closed for (spec 10). */
  'billContacts:get': read<{ contact: BillContactView | null }>()(
    z.strictObject({ accountId: idSchema }),
  ),
  'billContacts:update': write<BillContactView>()(billContactSchema),
} as const
