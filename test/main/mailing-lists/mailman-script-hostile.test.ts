import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { mailmanBackend } from '../../../src-main/orchestration/backends/mailing-lists'
import type { ListObject } from '../../../src-main/orchestration/backends/mailman-files'
import { Commands, composeScript } from '../../../src-main/orchestration/script'
import { ShellText } from '../../../src-main/core/escape'
import { hostileString } from '../../support/hostile'
import { checkScripts } from '../../support/shell'

/*
 * The backend's prepare and operation blocks, with values no validation would let through,
 * run by bash against a stand-in `runuser` that records the words it is given. Each value
 * must reach Mailman as one word, exactly as written, and no canary may ever run. The commit
 * (which writes Postfix maps) is left out: it runs on the test server in mailman-backend.
 */

const dir = mkdtempSync(join(tmpdir(), 'mailman-hostile-'))
const bin = join(dir, 'bin')
const record = join(dir, 'record')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

mkdirSync(bin)
// Every call's words after `--`, each ended by NUL, one call after another.
writeFileSync(
  join(bin, 'runuser'),
  '#!/bin/bash\nwhile [ "$1" != -- ]; do shift; done; shift\n' +
    'printf "%s\\0" "$@" >> "$RECORD"; printf "\\n\\0" >> "$RECORD"\n',
)
chmodSync(join(bin, 'runuser'), 0o755)

const server = { id: 1, name: 'lists1', address: '127.0.0.1' }
const hostile = hostileString(`${dir}/`)

function script(lists: ListObject[], action: 'save' | 'delete') {
  const head = new Commands()
  mailmanBackend.prepare!(head, server)
  const blocks = lists.map((list) => {
    const commands = new Commands()
    mailmanBackend.actions[action]!(commands, list, server)
    return { label: `${action} ${list.id}`, commands }
  })
  // Only the helper's folder is cleaned up, as the real commit does last.
  const tail = new Commands().run(new ShellText('rm -rf "$mailman_helpers"'))
  return composeScript({ title: 'hostile', head, blocks, tail }).text
}

function run(text: string): string[][] {
  rmSync(record, { force: true })
  const result = spawnSync('bash', ['-s'], {
    input: text,
    env: { PATH: `${bin}:${process.env.PATH}`, RECORD: record, LC_ALL: 'C.UTF-8' },
  })
  expect(result.status, result.stderr.toString()).toBe(0)
  const words = readFileSync(record, 'utf8').split('\0')
  const calls: string[][] = [[]]
  for (const word of words.slice(0, -1)) {
    if (word === '\n') calls.push([])
    else calls.at(-1)!.push(word)
  }
  return calls.filter((call) => call.length)
}

const listObject = fc.record({
  name: hostile,
  adminEmail: hostile,
  local: hostile,
  domain: hostile,
  active: fc.boolean(),
})

describe('mailman3 scripts with hostile values', () => {
  it('hands every value to Mailman as one word and runs no canary', () => {
    fc.assert(
      fc.property(listObject, ({ name, adminEmail, local, domain, active }) => {
        const list: ListObject = {
          id: 1,
          name,
          accountId: 1,
          fqdn: `${name}@lists.orchestra.lan`,
          listDomain: 'lists.orchestra.lan',
          adminEmail,
          active,
          custom: { local, domain },
        }
        const calls = run(script([list], 'save'))
        // `lists`, then `create`, then `shell` with the helper (no list exists here).
        expect(calls.map((call) => call[3])).toEqual(['lists', 'create', 'shell'])
        expect(calls[1]!.slice(3)).toEqual(['create', '--', list.fqdn])
        const state = active ? 'active' : 'inactive'
        expect(calls[2]!.slice(3)).toEqual([
          'shell',
          '-l',
          list.fqdn,
          '-r',
          'orchestra_mailman.apply',
          '--',
          adminEmail,
          state,
          `${local}@${domain}`,
        ])
        expect(readdirSync(dir).filter((file) => file.includes('pwned'))).toEqual([])
      }),
      { numRuns: 60 },
    )
  })

  it('removes a list only when Mailman has it, and the scripts pass shellcheck', () => {
    const list: ListObject = {
      id: 2,
      name: "x'; touch pwned; '",
      accountId: 1,
      fqdn: "x'; touch pwned; '@lists.orchestra.lan",
      listDomain: 'lists.orchestra.lan',
      adminEmail: 'a@b.org',
      active: true,
      custom: null,
    }
    const text = script([list], 'delete')
    expect(run(text).map((call) => call[3])).toEqual(['lists'])
    expect(existsSync(join(dir, 'pwned'))).toBe(false)
    expect(checkScripts(dir, { save: script([list], 'save'), delete: text })).toEqual([])
  })
})
