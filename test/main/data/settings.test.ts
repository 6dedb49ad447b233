import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { settings } from '../../../src-main/db/schema'
import { caller, countRows, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)

beforeEach(async () => {
  core = await makeCore()
})
afterEach(() => core.dispose())

describe('settings', () => {
  it('lists every declared setting with its default', async () => {
    const list = await call('settings:list', {})
    expect(list.find((s) => s.name === 'CONTACTS_DEFAULT_COUNTRY')).toMatchObject({
      value: 'ES',
      isDefault: true,
    })
  })

  it('applies a valid value at once and records the change', async () => {
    await call('settings:update', { name: 'CONTACTS_DEFAULT_COUNTRY', value: 'FR' })
    const list = await call('settings:list', {})
    expect(list.find((s) => s.name === 'CONTACTS_DEFAULT_COUNTRY')?.value).toBe('FR')
    const history = await call('history:list', { objectType: 'setting' })
    expect(history.rows[0]?.changes).toEqual([
      { field: 'CONTACTS_DEFAULT_COUNTRY', from: 'ES', to: 'FR' },
    ])
  })

  it('refuses a value that breaks the setting rule and names the value field', async () => {
    const update = call('settings:update', { name: 'ORCHESTRA_BASE_DOMAIN', value: 'not a domain' })
    await expect(update).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ field: 'value', rule: 'pattern' })],
    })
  })

  it('drops the override when set back to the default', async () => {
    await call('settings:update', { name: 'ACCOUNTS_DEFAULT_TYPE', value: 'COMPANY' })
    await call('settings:update', { name: 'ACCOUNTS_DEFAULT_TYPE', value: 'INDIVIDUAL' })
    expect(await countRows(core, settings)).toBe(0)
  })

  it('refuses an unknown setting name', async () => {
    const update = call('settings:update', { name: 'NOPE' as never, value: 1 })
    await expect(update).rejects.toMatchObject({ field: 'name' })
  })
})
