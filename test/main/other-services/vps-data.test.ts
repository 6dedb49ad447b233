import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { verifyUnixPassword } from '../../../src-main/core/passwords'
import { vps } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'
import { canaries } from '../../support/hostile'

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

/** What the brief names for every field that reaches a server, and whole injections. */
const HOSTILE = ['..', 'a b.org', "a'b.org", 'a"b.org', 'a#b.org', 'a\nb.org', 'a\r\nb.org']

const rules = (error: AppError) => error.issues?.map((issue) => [issue.field, issue.rule])

beforeEach(async () => {
  core = await makeCore()
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
})
afterEach(() => core.dispose())

describe('VPS', () => {
  it('takes the default type and template, and keeps the password as a crypt hash', async () => {
    const created = await call('vps:create', {
      accountId: joe,
      hostname: ' VPS1.Example.ORG. ',
      password: 'correct horse',
    })
    expect(created.vps).toMatchObject({
      hostname: 'vps1.example.org',
      type: 'lxc',
      template: 'debian-12',
      hasPassword: true,
    })
    expect(JSON.stringify(created)).not.toContain('$6$')
    const [row] = await core.store.read((tx) => tx.select().from(vps))
    expect(row!.passwordHash).toMatch(/^\$6\$/)
    expect(await verifyUnixPassword('correct horse', row!.passwordHash)).toBe(true)
    const history = await call('history:list', { objectType: 'vps' })
    expect(JSON.stringify(history)).not.toContain('correct horse')
  })

  it('refuses a hostname taken, or one the hostname rule does not allow', async () => {
    await call('vps:create', { accountId: joe, hostname: 'vps1.example.org' })
    const taken = await failure(
      call('vps:create', { accountId: joe, hostname: 'VPS1.example.org' }),
    )
    expect(rules(taken)).toEqual([['hostname', 'unique']])
    const bad = ['-vps.example.org', 'vps_1.example.org', 'a..b', `${'a'.repeat(64)}.org`, '']
    for (const hostname of [...bad, ...HOSTILE, ...canaries('/tmp/vps-')]) {
      const error = await failure(call('vps:create', { accountId: joe, hostname }))
      expect(error.issues?.[0]?.field).toBe('hostname')
    }
    expect(await countRows(core, vps)).toBe(1)
  })

  it('offers only the types and templates of the settings', async () => {
    await call('settings:update', { name: 'VPS_TYPES', value: 'lxc' })
    const type = await failure(
      call('vps:create', { accountId: joe, hostname: 'a.example.org', type: 'openvz' }),
    )
    expect(rules(type)).toEqual([['type', 'choice']])
    const template = await failure(
      call('vps:create', { accountId: joe, hostname: 'a.example.org', template: 'centos-5' }),
    )
    expect(rules(template)).toEqual([['template', 'choice']])
    expect(await call('vps:options', {})).toMatchObject({ types: ['lxc'], defaultType: 'lxc' })
  })

  it('refuses set arguments a shell could misread in the settings', async () => {
    for (const value of ['--onboot 1; reboot', '--x=$(id)', "a'b"]) {
      const error = await failure(call('settings:update', { name: 'VPS_DEFAULT_PCT_ARGS', value }))
      expect(error.code).toBe('VALIDATION')
    }
  })

  it('changes only its flag and password; enable enables (spec 15.3)', async () => {
    const { vps: created } = await call('vps:create', { accountId: joe, hostname: 'a.example.org' })
    const strict = await failure(
      call('vps:update', {
        id: created.id,
        version: created.version,
        hostname: 'b.example.org',
      } as never),
    )
    expect(strict.code).toBe('VALIDATION')
    await call('vps:setActive', { ids: [created.id], active: false })
    await call('vps:setActive', { ids: [created.id], active: true })
    const detail = await call('vps:get', { id: created.id })
    expect(detail).toMatchObject({ effectiveActive: true, vps: { isActive: true, version: 3 } })
    const stale = await failure(
      call('vps:update', { id: created.id, version: 1, password: 'another secret' }),
    )
    expect(stale.code).toBe('CONFLICT')
  })

  it('is inactive with its account, and goes with it', async () => {
    await call('vps:create', { accountId: joe, hostname: 'a.example.org' })
    await call('accounts:setActive', { ids: [joe], active: false })
    const [row] = (await call('vps:list', { accountId: joe })).rows
    expect(row).toMatchObject({ isActive: true, effectiveActive: false, accountUsername: 'joe' })
    await call('accounts:delete', { id: joe })
    expect(await countRows(core, vps)).toBe(0)
  })

  it('is found by the palette by its hostname or its account', async () => {
    const { vps: created } = await call('vps:create', {
      accountId: joe,
      hostname: 'vps1.example.org',
    })
    for (const q of ['vps1', 'joe']) {
      const hits = await call('search:global', { q, limit: 10 })
      expect(hits.filter((hit) => hit.objectType === 'vps')).toEqual([
        {
          objectType: 'vps',
          id: created.id,
          title: 'vps1.example.org',
          subtitle: 'joe',
          accountId: joe,
        },
      ])
    }
  })
})
