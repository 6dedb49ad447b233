import { asc, eq, inArray } from 'drizzle-orm'
import { destinationOf, emailOf, type MailFiltering } from '../../src-shared/schemas/mail'
import { accounts, domainRecords, domains, mailAddresses, mailboxes } from '../db/schema'
import type { Tx } from '../db/store'
import { isHostedHere } from '../mail/postfix-maps'
import type { Autoresponse } from '../mail/sieve'
import { addressRows, forwardTokens } from './mail'
import { settingValue } from './settings'

/** What the Postfix backend knows of an address. */
export interface AddressObject {
  id: number
  name: string
  email: string
  domainName: string
  accountId: number
  destination: string
  /** Spec 14.24: the local domain, delivered to the mailbox of the same name by itself. */
  implicit: boolean
  /** Spec 2.5: its domain's mail exchangers are ours, and it is not the local domain. */
  aliasDomain: boolean
}

/** The addresses as the Postfix backend reads them: one id, a few, or all (`undefined`). */
export async function loadAddressObjects(tx: Tx, ids?: readonly number[]) {
  const query = tx.select().from(mailAddresses)
  const records = await (ids ? query.where(inArray(mailAddresses.id, [...ids])) : query).orderBy(
    asc(mailAddresses.id),
  )
  const rows = await addressRows(tx, records)
  const localDomain = await settingValue(tx, 'MAILBOXES_LOCAL_DOMAIN')
  const defaultMx = await settingValue(tx, 'DOMAINS_DEFAULT_MX')
  const domainIds = [...new Set(rows.map((row) => row.domainId))]
  const records2 = domainIds.length
    ? await tx
        .select({
          domainId: domainRecords.domainId,
          type: domainRecords.type,
          value: domainRecords.value,
        })
        .from(domainRecords)
        .where(inArray(domainRecords.domainId, domainIds))
    : []
  const mailboxNames = new Set(
    (await tx.select({ name: mailboxes.name }).from(mailboxes)).map((row) => row.name),
  )
  return rows.map((row): AddressObject => {
    const own = records2.filter((record) => record.domainId === row.domainId)
    const mx = own.filter((record) => record.type === 'MX').map((record) => record.value)
    const hasCname = own.some((record) => record.type === 'CNAME')
    const destination = destinationOf(
      row.mailboxes.map((m) => m.name),
      row.forward,
    )
    return {
      id: row.id,
      name: row.name,
      email: emailOf(row.name, row.domainName),
      domainName: row.domainName,
      accountId: row.accountId,
      destination,
      implicit:
        row.domainName === localDomain && destination === row.name && mailboxNames.has(row.name),
      aliasDomain: row.domainName !== localDomain && isHostedHere(mx, hasCname, defaultMx),
    }
  })
}

/** What the Dovecot backend knows of a mailbox: never its hash (deletes are stored). */
export interface MailboxObject {
  id: number
  name: string
  accountId: number
  /** Own flag and the account's. */
  active: boolean
  home: string
  uid: number
  gid: number
  filtering: MailFiltering
  customFiltering: string
  spamHeader: string
  autoresponses: Autoresponse[]
  archivePath: string
}

/** The autoresponses a mailbox answers for: its addresses with one enabled (spec 2.1). */
async function autoresponsesOf(tx: Tx, mailbox: { id: number; name: string }) {
  const rows = await tx
    .select({ address: mailAddresses, domainName: domains.name })
    .from(mailAddresses)
    .innerJoin(domains, eq(domains.id, mailAddresses.domainId))
    .where(eq(mailAddresses.autoresponseEnabled, true))
    .orderBy(asc(mailAddresses.id))
  if (!rows.length) return []
  const linked = await addressRows(
    tx,
    rows.map((row) => row.address),
  )
  return linked
    .filter(
      (row) =>
        row.mailboxes.some((m) => m.id === mailbox.id) ||
        forwardTokens(row.forward).includes(mailbox.name),
    )
    .map((row) => ({
      email: row.email,
      subject: row.autoresponseSubject,
      message: row.autoresponseMessage,
    }))
}

/** The mailboxes as the Dovecot backend reads them, with their hashes apart. */
export async function loadMailboxObjects(tx: Tx, ids?: readonly number[]) {
  const query = tx
    .select({ mailbox: mailboxes, accountActive: accounts.isActive })
    .from(mailboxes)
    .innerJoin(accounts, eq(accounts.id, mailboxes.accountId))
  const rows = await (ids ? query.where(inArray(mailboxes.id, [...ids])) : query).orderBy(
    asc(mailboxes.name),
  )
  const [homeBase, uid, gid, spamHeader, archivePath] = await Promise.all([
    settingValue(tx, 'MAILBOXES_HOME_BASE'),
    settingValue(tx, 'MAILBOXES_VMAIL_UID'),
    settingValue(tx, 'MAILBOXES_VMAIL_GID'),
    settingValue(tx, 'MAILBOXES_SPAM_SCORE_HEADER'),
    settingValue(tx, 'MAILBOXES_MOVE_ON_DELETE_PATH'),
  ])
  const objects: { object: MailboxObject; passwordHash: string }[] = []
  for (const { mailbox, accountActive } of rows) {
    objects.push({
      passwordHash: mailbox.passwordHash,
      object: {
        id: mailbox.id,
        name: mailbox.name,
        accountId: mailbox.accountId,
        active: mailbox.isActive && accountActive,
        home: `${homeBase.replace(/\/+$/, '')}/${mailbox.name}`,
        uid,
        gid,
        filtering: mailbox.filtering as MailFiltering,
        customFiltering: mailbox.customFiltering,
        spamHeader,
        autoresponses: await autoresponsesOf(tx, mailbox),
        archivePath,
      },
    })
  }
  return objects
}

/** The addresses on a domain: an MX change there decides whether Postfix accepts it. */
export async function addressIdsOnDomain(tx: Tx, domainId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: mailAddresses.id })
    .from(mailAddresses)
    .where(eq(mailAddresses.domainId, domainId))
  return rows.map((row) => row.id)
}
