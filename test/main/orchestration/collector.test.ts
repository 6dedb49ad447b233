import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChangeCollector } from '../../../src-main/orchestration/collector'
import { accountInput, makeCore, type TestCore } from '../../support/core'

// The merge rules of change collection (spec 4.4), on a real database: what a unit of work
// with several changes leaves to send.

describe('ChangeCollector', () => {
  let core: TestCore
  let accountId: number
  let contactId: number

  beforeEach(async () => {
    core = await makeCore()
    const detail = await core.dispatcher.dispatch(
      'accounts:create',
      accountInput({ username: 'ana' }),
    )
    accountId = detail.account.id
    contactId = detail.contacts[0]!.id
  })
  afterEach(() => core.dispose())

  const pendingOf = (collector: ChangeCollector) =>
    collector.pending.map((op) => `${op.backend.id}.${op.action}(${op.objectType} ${op.objectId})`)

  it('keeps a single delete when an object is saved and then deleted', async () => {
    await core.store.read(async (tx) => {
      const collector = new ChangeCollector(tx)
      await collector.record({
        objectType: 'account',
        objectId: accountId,
        action: 'changed',
        fields: ['fullName'],
      })
      await collector.record({
        objectType: 'account',
        objectId: accountId,
        action: 'deleted',
        fields: [],
      })
      expect(pendingOf(collector)).toEqual([`account-file.delete(account ${accountId})`])
      // The delete carries what the server must remove, read before the object went.
      expect(collector.pending[0]!.snapshot).toMatchObject({ account: { username: 'ana' } })
    })
  })

  it('keeps one save, moved after what was collected in between, for two saves', async () => {
    const other = await core.dispatcher.dispatch(
      'accounts:create',
      accountInput({ username: 'bea' }),
    )
    await core.store.read(async (tx) => {
      const collector = new ChangeCollector(tx)
      await collector.record({
        objectType: 'account',
        objectId: accountId,
        action: 'changed',
        fields: ['email'],
      })
      await collector.record({
        objectType: 'account',
        objectId: other.account.id,
        action: 'changed',
        fields: ['email'],
      })
      await collector.record({
        objectType: 'account',
        objectId: accountId,
        action: 'changed',
        fields: ['type'],
      })
      expect(pendingOf(collector)).toEqual([
        `account-file.save(account ${other.account.id})`,
        `account-file.save(account ${accountId})`,
      ])
    })
  })

  it('re-saves the account of a changed contact', async () => {
    await core.store.read(async (tx) => {
      const collector = new ChangeCollector(tx)
      await collector.record({
        objectType: 'contact',
        objectId: contactId,
        action: 'changed',
        fields: ['email'],
      })
      expect(pendingOf(collector)).toEqual([`account-file.save(account ${accountId})`])
    })
  })

  it('does not re-save an account that is being deleted when its contact goes', async () => {
    await core.store.read(async (tx) => {
      const collector = new ChangeCollector(tx)
      await collector.record({
        objectType: 'account',
        objectId: accountId,
        action: 'deleted',
        fields: [],
      })
      await collector.record({
        objectType: 'contact',
        objectId: contactId,
        action: 'deleted',
        fields: [],
      })
      expect(pendingOf(collector)).toEqual([`account-file.delete(account ${accountId})`])
    })
  })

  it('ignores a save that changes only fields the backend does not write', async () => {
    await core.store.read(async (tx) => {
      const collector = new ChangeCollector(tx)
      await collector.record({
        objectType: 'account',
        objectId: accountId,
        action: 'changed',
        fields: ['comments'],
      })
      expect(pendingOf(collector)).toEqual([])
      await collector.record({
        objectType: 'account',
        objectId: accountId,
        action: 'changed',
        fields: ['comments', 'fullName'],
      })
      expect(pendingOf(collector)).toEqual([`account-file.save(account ${accountId})`])
    })
  })

  it('collects nothing for objects no backend manages', async () => {
    await core.store.read(async (tx) => {
      const collector = new ChangeCollector(tx)
      await collector.record({
        objectType: 'setting',
        objectId: 1,
        action: 'changed',
        fields: ['value'],
      })
      expect(collector.pending).toEqual([])
    })
  })
})
