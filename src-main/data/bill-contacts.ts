import { eq } from 'drizzle-orm'
import type { BillContactInput, BillContactView } from '../../src-shared/schemas/bills'
import { billContactSchema } from '../../src-shared/schemas/bills'
import { billContacts } from '../db/schema'
import type { Tx } from '../db/store'
import type { BillContext } from './bills'
import { getAccount } from './accounts'

/**
 * An account's bill contact (spec: billing 10), the buyer on its bills: one per account,
 * written whole. Closed bills keep the buyer they froze, so a change here reaches open bills
 * and the bills closed from now on only.
 */

function view(row: typeof billContacts.$inferSelect): BillContactView {
  const { accountId, name, vat, address, zipcode, city, country } = row
  return { accountId, name, vat, address, zipcode, city, country }
}

export async function getBillContact(tx: Tx, accountId: number): Promise<BillContactView | null> {
  const [row] = await tx.select().from(billContacts).where(eq(billContacts.accountId, accountId))
  return row ? view(row) : null
}

export async function setBillContact(
  ctx: BillContext,
  input: BillContactInput,
): Promise<BillContactView> {
  const { accountId, ...fields } = billContactSchema.parse(input)
  await getAccount(ctx.tx, accountId)
  const [existing] = await ctx.tx
    .select({ id: billContacts.id, version: billContacts.version })
    .from(billContacts)
    .where(eq(billContacts.accountId, accountId))
  const [row] = existing
    ? await ctx.tx
        .update(billContacts)
        .set({ ...fields, version: existing.version + 1, updatedAt: ctx.now })
        .where(eq(billContacts.id, existing.id))
        .returning()
    : await ctx.tx
        .insert(billContacts)
        .values({ accountId, ...fields, createdAt: ctx.now, updatedAt: ctx.now })
        .returning()
  return view(row!)
}
