import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import * as schema from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

// A refused change leaves nothing behind: no row, no history, no script. Each request below
// breaks one rule (hostile text, a name of someone else, a link across accounts or types, a
// rename, a deletion only the account may make) and must be refused under the field it
// concerns, with every table and the backend logs exactly as before.

const BACKENDS = ['unix-user', 'dovecot-mailbox', 'postfix-virtual']
const TABLES = {
  accounts: schema.accounts,
  domains: schema.domains,
  domainRecords: schema.domainRecords,
  history: schema.historyEntries,
  mailboxes: schema.mailboxes,
  mailAddresses: schema.mailAddresses,
  mailAddressMailboxes: schema.mailAddressMailboxes,
  sqlDatabases: schema.sqlDatabases,
  sqlUsers: schema.sqlUsers,
  sqlGrants: schema.sqlGrants,
  systemUsers: schema.systemUsers,
  systemUserGroups: schema.systemUserGroups,
  backendLogs: schema.backendLogs,
}

describe('refused changes leave nothing behind', () => {
  let ssh: TestSshServer
  let core: TestCore
  const call = caller(() => core)
  let joe: number
  let ann: number
  let joeDomain: number

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh?.stop()
  })
  beforeEach(async () => {
    core = await makeCore()
    const server = await addTestServer(core, ssh, 'web1')
    for (const backend of BACKENDS) {
      await call('routes:create', { backend, serverId: server.id, match: 'true' })
    }
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    ann = (await call('accounts:create', accountInput({ username: 'ann' }))).account.id
    await call('settings:update', { name: 'DOMAINS_DEFAULT_NS', value: ['ns1.example.net.'] })
    joeDomain = (await call('domains:create', { name: 'joe.example', accountId: joe }))[0]!.domain
      .id
  })
  afterEach(() => core.dispose())

  async function fingerprint() {
    const counts: Record<string, number> = {}
    for (const [name, table] of Object.entries(TABLES)) counts[name] = await countRows(core, table)
    return counts
  }

  /** The request is refused under `field`, and nothing anywhere changed. */
  async function refused(promise: Promise<unknown>, field: string, before: object) {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error, field).toBeInstanceOf(AppError)
    const issues = (error as AppError).issues ?? []
    expect(
      issues.map((issue) => issue.field),
      `${field}: ${(error as AppError).message}`,
    ).toContain(field)
    expect(await fingerprint()).toEqual(before)
  }

  it('refuses hostile and look-alike names under their field', async () => {
    const before = await fingerprint()
    const user = (fields: Record<string, unknown>) =>
      call('systemUsers:create', { accountId: joe, username: 'joeftp', ...fields })
    for (const username of [
      'ann',
      'joe',
      'joe-cgi',
      'јoe',
      'Joe',
      '-rf',
      'a;b',
      'root',
      'x'.repeat(33),
    ])
      await refused(user({ username }), 'username', before)
    for (const home of ['/home/joe/../ann', '/home/joe\n/etc', 'home/joe', '/home/joe/$(id)'])
      await refused(user({ home, shell: '/dev/null' }), 'home', before)
    for (const directory of ['../ann', 'a/../../b', 'a\0b', 'x\ny', '`id`'])
      await refused(user({ home: '/home/joe', shell: '/dev/null', directory }), 'directory', before)
    await refused(user({ shell: '/bin/sh -c id' }), 'shell', before)

    const mailbox = (name: string) =>
      call('mailboxes:create', { accountId: joe, name, password: 'mail password' })
    for (const name of ['јoe', '..', '-rf', 'a/b', 'a b', "a'b", 'a\nb', 'x'.repeat(33)])
      await refused(mailbox(name), 'name', before)

    const address = (fields: Record<string, unknown>) =>
      call('mailAddresses:create', { name: 'info', domainId: joeDomain, ...fields })
    for (const name of ['a"b', 'a b', 'a|b', 'a\nb', '.a', 'a..b', 'ι@x'])
      await refused(address({ name, forward: 'someone@example.net' }), 'name', before)
    for (const forward of ['a@b@c', '|/bin/sh', '/etc/passwd', ':include:/etc/x', 'x\ny@z.org'])
      await refused(address({ forward }), 'forward', before)

    const sqlUser = (username: string, type: 'mysql' | 'postgresql' = 'mysql') =>
      call('sqlUsers:create', { username, type, accountId: joe, password: 'db password' })
    for (const username of ['root', 'joe;drop', "joe'", 'Joe', 'јoe', 'x'.repeat(17), '_x'])
      await refused(sqlUser(username), 'username', before)
    for (const username of ['pg_joe', 'postgres', 'public'])
      await refused(sqlUser(username, 'postgresql'), 'username', before)
    await refused(
      call('sqlUsers:create', {
        username: 'joe_db',
        type: 'mysql',
        accountId: joe,
        password: 'line\nbreak',
      }),
      'password',
      before,
    )
  })

  it('refuses links across accounts and types, leaving no half-made user', async () => {
    const annBox = await call('mailboxes:create', {
      accountId: ann,
      name: 'ann',
      password: 'mail password',
    })
    const pgUser = await call('sqlUsers:create', {
      username: 'joe_pg',
      type: 'postgresql',
      accountId: joe,
      password: 'db password',
    })
    const annUser = await call('sqlUsers:create', {
      username: 'ann_my',
      type: 'mysql',
      accountId: ann,
      password: 'db password',
    })
    const mine = await call('sqlDatabases:create', {
      name: 'joe_site',
      accountId: joe,
      newUser: { username: 'joe_my', password: 'db password' },
    })
    const annExtra = await call('systemUsers:create', { accountId: ann, username: 'annftp' })
    const before = await fingerprint()

    await refused(
      call('mailAddresses:create', {
        name: 'info',
        domainId: joeDomain,
        mailboxIds: [annBox.mailbox.id],
      }),
      'mailboxIds',
      before,
    )
    await refused(
      call('sqlDatabases:create', { name: 'joe_shop', accountId: joe, userId: pgUser.user.id }),
      'userId',
      before,
    )
    await refused(
      call('sqlDatabases:create', { name: 'joe_shop', accountId: joe, userId: annUser.user.id }),
      'userId',
      before,
    )
    // The database name is taken: the new user must not be created on its own either.
    await refused(
      call('sqlDatabases:create', {
        name: 'joe_site',
        accountId: joe,
        newUser: { username: 'joe_other', password: 'db password' },
      }),
      'name',
      before,
    )
    await refused(
      call('sqlDatabases:update', {
        id: mine.database.id,
        version: mine.database.version,
        userIds: [mine.grants[0]!.userId, annUser.user.id],
      }),
      'userIds',
      before,
    )
    await refused(
      call('systemUsers:create', {
        accountId: joe,
        username: 'joeftp',
        groups: [annExtra.user.id],
      }),
      'groups',
      before,
    )
  })

  it('refuses renames and the deletion of an account main or CGI user alone', async () => {
    const box = await call('mailboxes:create', {
      accountId: joe,
      name: 'joe',
      password: 'mail pw 1',
    })
    const extra = await call('systemUsers:create', { accountId: joe, username: 'joeftp' })
    const db = await call('sqlUsers:create', {
      username: 'joe_db',
      type: 'mysql',
      accountId: joe,
      password: 'db password',
    })
    const before = await fingerprint()
    const renames: [string, Record<string, unknown>][] = [
      ['systemUsers:update', { id: extra.user.id, version: extra.user.version, username: 'x' }],
      ['mailboxes:update', { id: box.mailbox.id, version: box.mailbox.version, name: 'x' }],
      ['sqlUsers:update', { id: db.user.id, version: db.user.version, username: 'x' }],
    ]
    for (const [channel, request] of renames) {
      const error = await (call as (c: string, r: unknown) => Promise<unknown>)(
        channel,
        request,
      ).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error, channel).toBeInstanceOf(AppError)
      expect(await fingerprint()).toEqual(before)
    }

    const users = await call('systemUsers:list', { accountId: joe, pageSize: 50 })
    const main = users.rows.find((row) => row.role === 'main')!
    const cgi = users.rows.find((row) => row.role === 'cgi')!
    for (const ids of [[main.id], [cgi.id], [extra.user.id, main.id]]) {
      const error = await call('systemUsers:delete', { ids }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect((error as AppError).code).toBe('FORBIDDEN')
      expect(await fingerprint()).toEqual(before)
    }
    expect(ssh.exec('getent passwd joeftp | cut -d: -f1').trim()).toBe('joeftp')
  })

  it('refuses what named-checkzone or sievec refuses, before anything is written', async () => {
    const before = await fingerprint()
    await refused(
      call('domains:create', {
        name: 'www.joe.example',
        accountId: joe,
        records: [
          { type: 'CNAME', value: 'other.example.net.' },
          { type: 'TXT', value: 'beside-a-cname' },
        ],
      }),
      'records.0.value',
      before,
    )
    await refused(
      call('mailboxes:create', {
        accountId: joe,
        name: 'joe',
        password: 'mail password',
        filtering: 'CUSTOM',
        customFiltering: 'require "fileinto";\nif true { fileinto "x" ',
      }),
      'customFiltering',
      before,
    )
  })
})
