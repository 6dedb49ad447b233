import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { miscellaneous } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)
let joe: number

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

const rules = (error: AppError) => error.issues?.map((issue) => [issue.field, issue.rule])

async function service(name: string, extra: Record<string, unknown> = {}) {
  return call('miscServices:create', { name, verboseName: ` ${name} kind `, ...extra })
}

beforeEach(async () => {
  core = await makeCore()
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
})
afterEach(() => core.dispose())

describe('miscellaneous services', () => {
  it('stores "  ABC " as "abc", unique across every service (spec 14.59)', async () => {
    const one = await service('registration')
    const two = await service('hosting-extra')
    const item = await call('miscellaneous:create', {
      serviceId: one.id,
      accountId: joe,
      identifier: '  ABC ',
    })
    expect(item.item.identifier).toBe('abc')
    const error = await failure(
      call('miscellaneous:create', { serviceId: two.id, accountId: joe, identifier: 'Abc' }),
    )
    expect(rules(error)).toEqual([['identifier', 'unique']])
    expect(await countRows(core, miscellaneous)).toBe(1)
  })

  it('trims the verbose name and refuses names a tool could misread', async () => {
    expect((await service('backup')).verboseName).toBe('backup kind')
    for (const name of ['..', '.', '-rf', 'Back up', 'a/b', 'x'.repeat(33)]) {
      const error = await failure(call('miscServices:create', { name }))
      expect(error.issues?.[0]?.field).toBe('name')
    }
    expect(rules(await failure(service('backup')))).toEqual([['name', 'unique']])
  })

  it('requires an identifier only of a service that has them', async () => {
    const withId = await service('domain-registration')
    const without = await service('support-hours', { hasIdentifier: false, hasAmount: true })
    const missing = await failure(
      call('miscellaneous:create', { serviceId: withId.id, accountId: joe, identifier: '  ' }),
    )
    expect(rules(missing)).toEqual([['identifier', 'required']])
    const extra = await failure(
      call('miscellaneous:create', { serviceId: without.id, accountId: joe, identifier: 'x' }),
    )
    expect(rules(extra)).toEqual([['identifier', 'not_allowed']])
    const hours = await call('miscellaneous:create', {
      serviceId: without.id,
      accountId: joe,
      amount: 12,
    })
    expect(hours.item).toMatchObject({ identifier: '', amount: 12 })
    const second = await call('miscellaneous:create', { serviceId: without.id, accountId: joe })
    expect(second.item.amount).toBe(1)
  })

  it('takes an amount only when the service counts one, and a positive whole one', async () => {
    const plain = await service('setup')
    const counted = await service('licences', { hasAmount: true })
    const refused = await failure(
      call('miscellaneous:create', {
        serviceId: plain.id,
        accountId: joe,
        identifier: 'a1',
        amount: 3,
      }),
    )
    expect(rules(refused)).toEqual([['amount', 'not_allowed']])
    for (const amount of [0, -2, 1.5]) {
      const error = await failure(
        call('miscellaneous:create', {
          serviceId: counted.id,
          accountId: joe,
          identifier: 'l1',
          amount,
        }),
      )
      expect(error.issues?.[0]?.field).toBe('amount')
    }
    expect(await countRows(core, miscellaneous)).toBe(0)
  })

  it("checks identifiers by the service's named validator", async () => {
    const reg = await service('registration')
    await call('settings:update', {
      name: 'MISCELLANEOUS_IDENTIFIER_VALIDATORS',
      value: 'registration=domain, iban-mandate=iban',
    })
    const mandate = await service('iban-mandate')
    const bad = await failure(
      call('miscellaneous:create', {
        serviceId: reg.id,
        accountId: joe,
        identifier: 'not a domain',
      }),
    )
    expect(rules(bad)).toEqual([['identifier', 'domain']])
    const domain = await call('miscellaneous:create', {
      serviceId: reg.id,
      accountId: joe,
      identifier: 'Example.ORG',
    })
    expect(domain.item.identifier).toBe('example.org')
    const wrongIban = await failure(
      call('miscellaneous:create', {
        serviceId: mandate.id,
        accountId: joe,
        identifier: 'ES9121000418450200051333',
      }),
    )
    expect(rules(wrongIban)).toEqual([['identifier', 'iban']])
    const iban = await call('miscellaneous:create', {
      serviceId: mandate.id,
      accountId: joe,
      identifier: 'ES9121000418450200051332',
    })
    expect(iban.item.identifier).toBe('es9121000418450200051332')
  })

  it('refuses a validator setting that names no known check', async () => {
    const error = await failure(
      call('settings:update', {
        name: 'MISCELLANEOUS_IDENTIFIER_VALIDATORS',
        value: 'registration=orchestra.validators.domain',
      }),
    )
    expect(error.code).toBe('VALIDATION')
  })

  it('is active only while its own flag, its service and its account are', async () => {
    const kind = await service('registration')
    const item = await call('miscellaneous:create', {
      serviceId: kind.id,
      accountId: joe,
      identifier: 'example.org',
    })
    expect(item.effectiveActive).toBe(true)
    await call('miscServices:update', { id: kind.id, version: kind.version, isActive: false })
    expect((await call('miscellaneous:get', { id: item.item.id })).effectiveActive).toBe(false)
    const services = (await call('accounts:get', { id: joe })).services
    expect(services.find((s) => s.kind === 'miscellaneous')).toMatchObject({ isActive: false })
    const closed = await failure(
      call('miscellaneous:create', { serviceId: kind.id, accountId: joe, identifier: 'b.org' }),
    )
    expect(rules(closed)).toEqual([['serviceId', 'inactive']])
  })

  it('enables with enable and disables with disable (spec 15.3)', async () => {
    const kind = await service('registration')
    const item = await call('miscellaneous:create', {
      serviceId: kind.id,
      accountId: joe,
      identifier: 'example.org',
    })
    await call('miscellaneous:setActive', { ids: [item.item.id], active: false })
    expect((await call('miscellaneous:get', { id: item.item.id })).item.isActive).toBe(false)
    await call('miscellaneous:setActive', { ids: [item.item.id], active: true })
    expect((await call('miscellaneous:get', { id: item.item.id })).item.isActive).toBe(true)
    const history = await call('history:list', { objectType: 'miscellaneous' })
    expect(history.rows.map((row) => row.action).sort()).toEqual(['added', 'disabled', 'enabled'])
  })

  it('keeps a service with instances, and its identifier flags while it has any', async () => {
    const kind = await service('registration')
    await call('miscellaneous:create', { serviceId: kind.id, accountId: joe, identifier: 'a.org' })
    const flag = await failure(
      call('miscServices:update', { id: kind.id, version: kind.version, hasIdentifier: false }),
    )
    expect(rules(flag)).toEqual([['hasIdentifier', 'in_use']])
    const removal = await failure(call('miscServices:delete', { ids: [kind.id] }))
    expect(removal.code).toBe('FORBIDDEN')
    expect(removal.message).toContain('registration (1)')
  })

  it("goes with its account, and is listed among the account's services", async () => {
    const kind = await service('registration')
    await call('miscellaneous:create', { serviceId: kind.id, accountId: joe, identifier: 'a.org' })
    const detail = await call('accounts:get', { id: joe })
    expect(detail.services.filter((s) => s.kind === 'miscellaneous').map((s) => s.name)).toEqual([
      'a.org',
    ])
    await call('accounts:delete', { id: joe })
    expect(await countRows(core, miscellaneous)).toBe(0)
  })

  it('is found by the palette by its identifier, or by its service when it has none', async () => {
    const reg = await service('registration')
    const hours = await service('support-hours', { hasIdentifier: false, hasAmount: true })
    await call('miscellaneous:create', { serviceId: reg.id, accountId: joe, identifier: 'a.org' })
    const item = await call('miscellaneous:create', { serviceId: hours.id, accountId: joe })
    const titles = async (q: string) =>
      (await call('search:global', { q, limit: 10 }))
        .filter((hit) => hit.objectType === 'miscellaneous')
        .map((hit) => hit.title)
    expect(await titles('a.org')).toEqual(['a.org'])
    expect(await titles('support')).toEqual([`support-hours #${item.item.id}`])
  })
})
