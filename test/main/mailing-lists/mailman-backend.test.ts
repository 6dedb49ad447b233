import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

/*
 * Debian 12's mailman3 on the test server. What its command line needs there:
 * - it refuses to run as root (`--run-as-root` would leave root-owned files behind that the
 *   `list` user of the package can no longer write), so the backend runs it as `list`;
 * - its database, queues and locks live in /var/lib/mailman3 and its logs in /var/log/mailman3,
 *   both owned by `list` in the package and overlays here: the lists the tests create land in
 *   the test server's copy of Mailman's SQLite database, never the machine's;
 * - no runner is needed: `create`, `remove`, `lists`, `members`, `shell` and `aliases` work on
 *   the database alone, and `create` runs postmap on Mailman's transport map itself.
 * Each mailman call takes about a second, hence the longer timeouts.
 */

const DIR = '/etc/postfix/orchestra-lists'
const TIMEOUT = 240_000

describe('mailman3 backend over SSH', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  let exampleOrg: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'mailman-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    ssh.exec(`rm -rf ${DIR} /tmp/list-pwned*`)
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    const [domain] = await call('domains:create', { name: 'example.org', accountId: joe })
    exampleOrg = domain!.domain.id
    const server = await addTestServer(core, ssh, 'lists1')
    await call('routes:create', { backend: 'mailman3', serverId: server.id, match: '' })
  })
  afterEach(async () => {
    await core.dispose()
    // Mailman's database is the server's, shared by the tests of this file.
    const lists = mailman('lists --quiet').split('\n').filter(Boolean)
    for (const list of lists) mailman(`remove ${list}`)
  })

  const mailman = (args: string) =>
    ssh.exec(`cd / && runuser -u list -- /usr/bin/mailman ${args}`).trim()
  /** A list attribute, read in Mailman's own shell. */
  const attribute = (fqdn: string, name: string) =>
    ssh.exec(`cd / && echo 'print(m.${name})' | runuser -u list -- mailman shell -l ${fqdn}`)
  const query = (key: string) =>
    ssh.exec(`postmap -c ${DIR} -q ${key} hash:${DIR}/virtual_aliases || true`).trim()

  async function expectAllSucceeded() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const all = await Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
    expect(all.length).toBeGreaterThan(0)
    expect(all.map((log) => `${log.backend} ${log.state} ${log.stderr}`)).toEqual(
      all.map((log) => `${log.backend} SUCCESS ${log.stderr}`),
    )
    const scripts = Object.fromEntries(all.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
  }

  const newList = (fields: Record<string, unknown> = {}) =>
    call('mailingLists:create', {
      accountId: joe,
      name: 'joe-news',
      adminEmail: 'joe@example.net',
      ...fields,
    })

  it(
    'creates a list with its owner and custom address, disables, enables and deletes it',
    async () => {
      const list = await newList({ addressName: 'news', addressDomainId: exampleOrg })
      const fqdn = 'joe-news@lists.orchestra.lan'
      expect(mailman('lists --quiet')).toBe(fqdn)
      expect(mailman(`members -R owner -e ${fqdn}`)).toBe('joe@example.net')
      expect(attribute(fqdn, 'posting_chain')).toContain('default-posting-chain')
      expect(query('news@example.org')).toBe(fqdn)
      expect(query('news-request@example.org')).toBe('joe-news-request@lists.orchestra.lan')
      const aliases = ssh.exec(`grep -vc '^#' ${DIR}/virtual_aliases`).trim()
      expect(aliases).toBe('9')
      expect(ssh.exec(`grep -v '^#' ${DIR}/virtual_domains`)).toBe('example.org\n')
      expect(ssh.exec('grep -c joe-news /var/lib/mailman3/data/postfix_lmtp').trim()).not.toBe('0')

      // Inactive: every post is rejected; enabling restores Mailman's default chain.
      const off = await call('mailingLists:update', {
        id: list.id,
        version: list.version,
        isActive: false,
        adminEmail: 'o.wner+news@example.org',
      })
      expect(attribute(fqdn, 'posting_chain')).toContain('reject')
      expect(mailman(`members -R owner -e ${fqdn}`)).toBe('o.wner+news@example.org')
      await call('mailingLists:update', { id: off.id, version: off.version, isActive: true })
      expect(attribute(fqdn, 'posting_chain')).toContain('default-posting-chain')

      await call('mailingLists:delete', { ids: [list.id] })
      expect(mailman('lists --quiet')).toBe('')
      expect(query('news@example.org')).toBe('')
      expect(ssh.exec(`grep -vc '^#' ${DIR}/virtual_domains || true`).trim()).toBe('0')
      await expectAllSucceeded()
    },
    TIMEOUT,
  )

  it(
    'answers on a domain alone under the list name, and drops it with the domain',
    async () => {
      // Dots, an underscore and digits in the name; an international domain, as xn--.
      const [idn] = await call('domains:create', { name: 'ñandú.example', accountId: joe })
      const list = await newList({ name: 'joe.news_2', addressDomainId: idn!.domain.id })
      const ascii = list.customAddress!.split('@')[1]!
      expect(ascii).toMatch(/^xn--/)
      expect(query(`joe.news_2@${ascii}`)).toBe('joe.news_2@lists.orchestra.lan')
      expect(query(`joe.news_2-owner@${ascii}`)).toBe('joe.news_2-owner@lists.orchestra.lan')
      await call('domains:delete', { id: idn!.domain.id })
      expect(query(`joe.news_2@${ascii}`)).toBe('')
      expect(mailman('lists --quiet')).toBe('joe.news_2@lists.orchestra.lan')
      await expectAllSucceeded()
    },
    TIMEOUT,
  )

  /**
   * A member's post, injected into Mailman's incoming queue and taken through one pass of its
   * `in` runner (the one that applies the posting chain). Mailman's log then says REJECT, or
   * the message moves on to the pipeline queue.
   */
  function post(fqdn: string, messageId: string) {
    const message = [
      'From: member@example.net',
      `To: ${fqdn}`,
      'Subject: hello',
      `Message-ID: <${messageId}@example.net>`,
      '',
      'Hello list.',
      '',
    ].join('\n')
    const inject = `runuser -u list -- mailman inject -f - ${fqdn}`
    ssh.exec(`cd / && printf '%s' '${message}' | ${inject}`)
    ssh.exec('cd / && runuser -u list -- /usr/lib/mailman3/bin/runner -r in -o')
    const log = ssh.exec('cat /var/log/mailman3/mailman.log')
    const queued = ssh.exec('ls /var/lib/mailman3/queue/pipeline | wc -l').trim()
    return { rejected: log.includes(`REJECT: <${messageId}@example.net>`), queued }
  }

  it(
    'rejects a member’s post while the list is inactive and takes it once enabled',
    async () => {
      const list = await newList({ isActive: false })
      const fqdn = 'joe-news@lists.orchestra.lan'
      ssh.exec(`echo member@example.net | runuser -u list -- mailman addmembers - ${fqdn}`)
      ssh.exec('rm -f /var/lib/mailman3/queue/pipeline/*')
      expect(post(fqdn, 'first')).toEqual({ rejected: true, queued: '0' })
      await call('mailingLists:setActive', { ids: [list.id], active: true })
      expect(post(fqdn, 'second')).toEqual({ rejected: false, queued: '1' })
      ssh.exec('rm -f /var/lib/mailman3/queue/pipeline/* /var/lib/mailman3/queue/virgin/*')
      await expectAllSucceeded()
    },
    TIMEOUT,
  )

  it(
    'refuses the posts of a disabled account’s lists',
    async () => {
      await newList()
      await call('accounts:setActive', { ids: [joe], active: false })
      expect(attribute('joe-news@lists.orchestra.lan', 'posting_chain')).toContain('reject')
      await expectAllSucceeded()
    },
    TIMEOUT,
  )
})
