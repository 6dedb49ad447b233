import type { BridgeApi } from './fixtures'

/** What the billing specs seed through the API before a clerk takes over in the browser. */

/** A yearly hosting plan at 120.00 and 21% for every account, each order named after it. */
export async function addHostingPlan(api: BridgeApi): Promise<void> {
  await api.call('billingServices:create', {
    description: 'Hosting plan',
    contentType: 'account',
    nominalPrice: '120.00',
    tax: '21',
    ignorePeriod: '',
    orderDescription: "'Hosting plan of ' + account.username",
  })
}

/** The buyer printed on the account's bills: a company in Barcelona. */
export async function addBillContact(api: BridgeApi, accountId: number, name: string) {
  await api.call('billContacts:update', {
    accountId,
    name,
    vat: 'B12345678',
    address: 'Carrer Major 1',
    zipcode: '08001',
    city: 'Barcelona',
    country: 'ES',
  })
}
