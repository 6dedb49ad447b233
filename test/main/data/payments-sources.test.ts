import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  IBAN,
  IBAN_COMPACT,
  OTHER_IBAN,
  openBill,
  paymentsWorld,
  sepaSource,
  TODAY,
  transferSource,
  type PaymentsWorld,
} from './payments-fixtures'

// Spec 9.1: an account's payment sources, through the channels the interface calls.

let world: PaymentsWorld

beforeEach(async () => {
  world = await paymentsWorld()
})
afterEach(() => world.core.dispose())

describe('paymentMethods:list (spec 9.1)', () => {
  it('gives the enabled methods with their refunds, due delay and processing', async () => {
    expect(await world.call('paymentMethods:list', {})).toEqual([
      {
        method: 'SEPA_DIRECT_DEBIT',
        label: 'SEPA direct debit',
        refunds: true,
        dueDelta: '5 days',
        processed: true,
      },
      {
        method: 'BANK_TRANSFER',
        label: 'Bank transfer',
        refunds: false,
        dueDelta: '1 month',
        processed: false,
      },
    ])
  })

  it('leaves out a method the setting does not enable, and refuses sources of it', async () => {
    await world.call('settings:update', {
      name: 'PAYMENTS_ENABLED_METHODS',
      value: ['BANK_TRANSFER'],
    })
    const methods = await world.call('paymentMethods:list', {})
    expect(methods.map((entry) => entry.method)).toEqual(['BANK_TRANSFER'])
    await expect(world.call('paymentSources:create', sepaSource(world.ana))).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'method',
    })
  })
})

describe('paymentSources:create (spec 9.1)', () => {
  it('keeps a SEPA IBAN compact in capitals and shows it in groups of four', async () => {
    const typed = 'es91 2100 0418 4502 0005 1332 '
    const source = await world.call('paymentSources:create', sepaSource(world.ana, typed))
    expect(source).toEqual({
      id: source.id,
      accountId: world.ana,
      method: 'SEPA_DIRECT_DEBIT',
      label: 'Ana Puig',
      number: IBAN,
      data: {
        name: 'Ana Puig',
        iban: IBAN_COMPACT,
        mandateId: `${world.ana}-${source.id}`,
        signedOn: TODAY,
      },
      isActive: true,
      refunds: true,
      version: 1,
    })
  })

  it('refuses an IBAN whose check digits are wrong, naming the field', async () => {
    const bad = sepaSource(world.ana, 'ES91 2100 0418 4502 0005 1333')
    const error = await world.call('paymentSources:create', bad).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'data.iban' })
    expect((error as { issues: unknown[] }).issues).toEqual([
      {
        field: 'data.iban',
        rule: 'iban',
        message: 'is not an IBAN (ISO 13616), e.g. ES91 2100 0418 4502 0005 1332',
      },
    ])
    expect((await world.call('paymentSources:list', { accountId: world.ana })).length).toBe(0)
  })

  it('makes a bank transfer source that cannot pay money back', async () => {
    const source = await world.call('paymentSources:create', transferSource(world.ana, 'Office'))
    expect(source).toMatchObject({
      method: 'BANK_TRANSFER',
      label: 'Office',
      number: '',
      data: { label: 'Office' },
      refunds: false,
    })
  })

  it('refuses a mandate reference another source already has', async () => {
    const first = await world.call('paymentSources:create', sepaSource(world.ana))
    const again = sepaSource(world.bea, OTHER_IBAN)
    const taken = { ...again, data: { ...again.data, mandateId: String(first.data.mandateId) } }
    await expect(world.call('paymentSources:create', taken)).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'data.mandateId',
    })
  })
})

describe('paymentSources:list and :update (spec 9.1)', () => {
  it('lists the account sources in the order they were added', async () => {
    const sepa = await world.call('paymentSources:create', sepaSource(world.ana))
    const transfer = await world.call('paymentSources:create', transferSource(world.ana))
    await world.call('paymentSources:create', transferSource(world.bea))
    const listed = await world.call('paymentSources:list', { accountId: world.ana })
    expect(listed.map((source) => source.id)).toEqual([sepa.id, transfer.id])
  })

  it('changes the IBAN, checks it again, and deactivates', async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    const moved = await world.call('paymentSources:update', {
      id: source.id,
      version: 1,
      data: { iban: OTHER_IBAN },
    })
    expect(moved).toMatchObject({ number: OTHER_IBAN, version: 2 })
    expect(moved.data).toMatchObject({ iban: 'DE89370400440532013000', name: 'Ana Puig' })

    const bad = { id: source.id, version: 2, data: { iban: 'DE00 3704 0044 0532 0130 00' } }
    await expect(world.call('paymentSources:update', bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'data.iban',
    })
    const off = await world.call('paymentSources:update', {
      id: source.id,
      version: 2,
      isActive: false,
    })
    expect(off).toMatchObject({ isActive: false, version: 3 })
  })

  it('refuses a change made on an outdated version', async () => {
    const source = await world.call('paymentSources:create', transferSource(world.ana))
    await world.call('paymentSources:update', { id: source.id, version: 1, data: { label: 'A' } })
    const stale = { id: source.id, version: 1, data: { label: 'B' } }
    await expect(world.call('paymentSources:update', stale)).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('writes history entries for added, changed and deleted sources', async () => {
    const source = await world.call('paymentSources:create', transferSource(world.ana, 'Office'))
    await world.call('paymentSources:update', { id: source.id, version: 1, isActive: false })
    await world.call('paymentSources:delete', { id: source.id })
    const page = await world.call('history:list', {
      objectType: 'paymentSource',
      objectId: source.id,
      dir: 'asc',
    })
    expect(page.rows.map((entry) => [entry.action, entry.objectRepr])).toEqual([
      ['added', 'Bank transfer Office'],
      ['changed', 'Bank transfer Office'],
      ['deleted', 'Bank transfer Office'],
    ])
    expect(page.rows[1]!.changes).toEqual([{ field: 'isActive', from: true, to: false }])
  })
})

describe("paymentSources:forBills: the account's default source (spec 9.1)", () => {
  it('pre-selects the first active source, and the next once it is deactivated', async () => {
    const sepa = await world.call('paymentSources:create', sepaSource(world.ana))
    const transfer = await world.call('paymentSources:create', transferSource(world.ana))
    const billId = await openBill(world.core, world.ana)
    const [choice] = await world.call('paymentSources:forBills', { ids: [billId] })
    expect(choice).toMatchObject({ billId, number: 'OI20260001', total: '14.52' })
    expect(choice!.sources.map((source) => source.id)).toEqual([sepa.id, transfer.id])
    expect(choice!.defaultSourceId).toBe(sepa.id)

    await world.call('paymentSources:update', { id: sepa.id, version: 1, isActive: false })
    const [after] = await world.call('paymentSources:forBills', { ids: [billId] })
    expect(after!.sources.map((source) => source.id)).toEqual([transfer.id])
    expect(after!.defaultSourceId).toBe(transfer.id)
  })

  it('offers none when the account has no active source', async () => {
    const billId = await openBill(world.core, world.ana)
    const [choice] = await world.call('paymentSources:forBills', { ids: [billId] })
    expect(choice).toMatchObject({ sources: [], defaultSourceId: null })
  })
})

describe('paymentSources:delete (spec 9.2)', () => {
  it('keeps the transactions of the source, without it but with its method', async () => {
    const source = await world.call('paymentSources:create', transferSource(world.ana))
    const billId = await openBill(world.core, world.ana)
    await world.call('bills:setClosed', { ids: [billId] })
    expect(await world.call('paymentSources:delete', { id: source.id })).toEqual({ deleted: 1 })

    const { rows } = await world.call('transactions:list', { billId })
    expect(rows.map((row) => [row.sourceId, row.method, row.sourceLabel, row.amount])).toEqual([
      [null, 'BANK_TRANSFER', '', '14.52'],
    ])
    expect(await world.call('paymentSources:list', { accountId: world.ana })).toEqual([])
  })

  it('refuses while a transaction of it waits for its bank file', async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    const billId = await openBill(world.core, world.ana)
    await world.call('bills:setClosed', { ids: [billId] })
    await expect(world.call('paymentSources:delete', { id: source.id })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'id',
    })
  })
})

describe('deleting an account (spec 13: payments outlive the account)', () => {
  it('keeps its transactions, without source or account, and its bills', async () => {
    await world.call('paymentSources:create', sepaSource(world.bea))
    const billId = await openBill(world.core, world.bea)
    await world.call('bills:setClosed', { ids: [billId] })
    await world.call('accounts:delete', { id: world.bea })

    const { rows } = await world.call('transactions:list', { billId })
    expect(rows.map((row) => [row.accountId, row.sourceId, row.method, row.amount])).toEqual([
      [null, null, 'SEPA_DIRECT_DEBIT', '14.52'],
    ])
    expect(rows[0]!.actions).toEqual(['reject'])
  })
})

describe('paymentSources: the mandate and the SEPA area', () => {
  const signedOn = (day: string) => {
    const input = sepaSource(world.ana)
    return { ...input, data: { ...input.data, signedOn: day } }
  }

  it('refuses a mandate signed after today, on create and update, naming the field', async () => {
    const early = world.call('paymentSources:create', signedOn('2026-01-06'))
    await expect(early).rejects.toMatchObject({ code: 'VALIDATION', field: 'data.signedOn' })

    const source = await world.call('paymentSources:create', signedOn(TODAY))
    expect(source.data.signedOn).toBe(TODAY)
    const update = { id: source.id, version: source.version, data: { signedOn: '2027-01-01' } }
    const later = world.call('paymentSources:update', update)
    await expect(later).rejects.toMatchObject({ code: 'VALIDATION', field: 'data.signedOn' })
  })

  it('takes an IBAN of Serbia, in the SEPA schemes since the EPC admitted it in 2025', async () => {
    const source = await world.call(
      'paymentSources:create',
      sepaSource(world.ana, 'RS35 2600 0560 1001 6113 79'),
    )
    expect(source.data.iban).toBe('RS35260005601001611379')
  })
})
