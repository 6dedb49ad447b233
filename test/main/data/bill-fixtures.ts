import type { AssembledLine } from '../../../src-main/billing/assemble'
import { money } from '../../../src-main/billing/money'
import { billContacts, orders, services } from '../../../src-main/db/schema'
import type { Tx } from '../../../src-main/db/store'
import type { BillContext } from '../../../src-main/data/bills'
import { accountInput, type TestCore } from '../../support/core'

/** Shared set-up of the bill data tests: accounts, a service, orders and lines. */

export const NOW = '2026-03-01T10:00:00.000Z'

export const ctxOf = (tx: Tx): BillContext => ({ tx, now: NOW, actor: 'tester', changes: [] })

export async function addAccount(core: TestCore, username: string, withContact = true) {
  const { account } = await core.dispatcher.dispatch(
    'accounts:create',
    accountInput({ username, fullName: `${username} Puig`, email: `${username}@example.net` }),
  )
  if (withContact) {
    await core.store.write((tx) =>
      tx.insert(billContacts).values({
        accountId: account.id,
        name: `${username} Serveis SL`,
        vat: 'B12345678',
        country: 'ES',
        address: 'Carrer Major 1',
        city: 'Barcelona',
        zipcode: '08001',
      }),
    )
  }
  return account.id
}

export async function addService(tx: Tx, description = 'Mailbox', tax = '21') {
  const [row] = await tx
    .insert(services)
    .values({ description, contentType: 'mailbox', nominalPrice: '12.00', tax })
    .returning()
  return row!.id
}

export type ServiceSeed = Partial<typeof services.$inferInsert> & { description: string }

/** A yearly mailbox service at 12.00 and 21% billed on a fixed date, as `seed` changes it. */
export async function seedService(tx: Tx, seed: ServiceSeed) {
  const [row] = await tx
    .insert(services)
    .values({
      contentType: 'mailbox',
      nominalPrice: '12.00',
      tax: '21',
      billingPeriod: 'ANUAL',
      billingPoint: 'ON_FIXED_DATE',
      ignorePeriod: '',
      ...seed,
    })
    .returning()
  return row!.id
}

export async function addOrder(tx: Tx, accountId: number, serviceId: number, objectId = 1) {
  const [row] = await tx
    .insert(orders)
    .values({ accountId, serviceId, contentType: 'mailbox', objectId, registeredOn: '2026-01-01' })
    .returning()
  return row!.id
}

export function billLine(overrides: Partial<AssembledLine> = {}): AssembledLine {
  return {
    description: 'Mailbox ana@example.net',
    rate: money('12.00'),
    size: money(1),
    metric: money(1),
    quantity: money(1),
    verboseQuantity: '1',
    subtotal: money('12.00'),
    tax: money(21),
    startOn: '2026-01-01',
    endOn: '2027-01-01',
    orderId: null,
    serviceId: null,
    orderBilledOn: null,
    orderBilledUntil: null,
    amendedLineId: null,
    sublines: [],
    ...overrides,
  }
}
