import { asc, eq } from 'drizzle-orm'
import { emailOf } from '../../src-shared/schemas/mail'
import { accounts, domains, mailAddresses, mailboxes } from '../db/schema'
import type { AccountServiceProvider } from './account-services'
import { deleteAddress } from './mail-address-writes'
import { deleteMailbox, resaveAccountMailboxes } from './mail-writes'

/** An account's mailboxes and addresses, removed from the mail servers before its domains. */
export const mailServices: AccountServiceProvider = {
  kind: 'mailbox',
  async listForAccount(tx, accountId) {
    const [account] = await tx
      .select({ isActive: accounts.isActive })
      .from(accounts)
      .where(eq(accounts.id, accountId))
    const rows = await tx
      .select({ id: mailboxes.id, name: mailboxes.name, isActive: mailboxes.isActive })
      .from(mailboxes)
      .where(eq(mailboxes.accountId, accountId))
      .orderBy(asc(mailboxes.name))
    const addresses = await tx
      .select({ id: mailAddresses.id, name: mailAddresses.name, domain: domains.name })
      .from(mailAddresses)
      .innerJoin(domains, eq(domains.id, mailAddresses.domainId))
      .where(eq(mailAddresses.accountId, accountId))
      .orderBy(asc(domains.name), asc(mailAddresses.name))
    const active = account?.isActive ?? false
    return [
      ...rows.map((row) => ({
        kind: 'mailbox',
        id: row.id,
        name: row.name,
        isActive: row.isActive && active,
      })),
      ...addresses.map((row) => ({
        kind: 'mailAddress',
        id: row.id,
        name: emailOf(row.name, row.domain),
        isActive: active,
      })),
    ]
  },
  async onAccountActiveChanged(ctx, account) {
    await resaveAccountMailboxes(ctx, account)
  },
  async onAccountDeleting(ctx, account) {
    const message = `Deleted with account ${account.username}`
    const addresses = await ctx.tx
      .select({ id: mailAddresses.id })
      .from(mailAddresses)
      .where(eq(mailAddresses.accountId, account.id))
    for (const address of addresses) await deleteAddress(ctx, address.id, message)
    const owned = await ctx.tx
      .select({ id: mailboxes.id })
      .from(mailboxes)
      .where(eq(mailboxes.accountId, account.id))
    for (const mailbox of owned) await deleteMailbox(ctx, mailbox.id, message)
  },
}
