import { eq } from 'drizzle-orm'
import type { Account } from '../../../src-shared/schemas/accounts'
import type { Contact } from '../../../src-shared/schemas/contacts'
import { sh } from '../../core/escape'
import { getAccount } from '../../data/accounts'
import { listAccountContacts } from '../../data/contacts'
import { contacts } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineBackend } from '../backend'
import { writeFileCommands } from '../script'

/** Where the files go on the server. */
export const ACCOUNT_FILE_DIR = '/etc/orchestra/accounts'

interface AccountWithContacts {
  account: Account
  contacts: Contact[]
}

async function load(tx: Tx, id: number): Promise<AccountWithContacts | undefined> {
  try {
    return { account: await getAccount(tx, id), contacts: await listAccountContacts(tx, id) }
  } catch {
    return undefined
  }
}

/** JSON, so that any name survives the trip: the file is data, never sourced by a shell. */
export function accountFileContent({ account, contacts }: AccountWithContacts): string {
  const document = {
    username: account.username,
    fullName: account.fullName,
    type: account.type,
    language: account.language,
    active: account.isActive,
    email: account.email,
    contacts: contacts.map((contact) => ({ email: contact.email, usages: contact.emailUsage })),
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

const fileOf = (username: string) => `${ACCOUNT_FILE_DIR}/${username}.json`

/**
 * The first real backend: one JSON file per account with its name, type, state and contact
 * addresses, for server-side tools (quota scripts, mail notices) that need the panel's view
 * of its customers. Simple on purpose: it exercises every part of the engine end to end.
 */
export const accountFileBackend = defineBackend<AccountWithContacts>({
  id: 'account-file',
  label: 'Account file',
  description:
    `Keeps ${ACCOUNT_FILE_DIR}/<username>.json on the server in step with each account ` +
    'and its contacts.',
  model: 'account',
  related: [
    {
      model: 'contact',
      async owners(tx, contactId, snapshot) {
        const known = (snapshot as Contact | undefined)?.accountId
        if (known) return [known]
        const [contact] = await tx
          .select({ accountId: contacts.accountId })
          .from(contacts)
          .where(eq(contacts.id, contactId))
        return contact ? [contact.accountId] : []
      },
    },
  ],
  declaredActions: ['save', 'delete'],
  ignoreFields: ['comments', 'shortName', 'isSuperuser', 'lastLogin'],
  defaultRouteMatch: 'true',
  executable: '/bin/bash',
  timeoutMs: 60_000,
  load,
  repr: ({ account }) => account.username,
  matchFields: {
    id: 'int',
    username: 'string',
    fullName: 'string',
    type: 'string',
    language: 'string',
    isActive: 'bool',
  },
  matchValues: ({ account }) => ({
    id: account.id,
    username: account.username,
    fullName: account.fullName,
    type: account.type,
    language: account.language,
    isActive: account.isActive,
  }),
  prepare(out) {
    out.run(sh`install -d -m 0755 ${ACCOUNT_FILE_DIR}`)
  },
  actions: {
    save(out, object) {
      writeFileCommands(out, fileOf(object.account.username), accountFileContent(object))
    },
    // Tolerates absence: a create and delete in one change leaves only the delete.
    delete(out, { account }) {
      out.run(sh`rm -f ${fileOf(account.username)}`)
    },
  },
})
