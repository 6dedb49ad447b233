import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  USERNAME_PATTERN,
  usernameSchema,
  type Account,
} from '../../../src-shared/schemas/accounts'
import type { Contact } from '../../../src-shared/schemas/contacts'
import {
  ACCOUNT_FILE_DIR,
  accountFileBackend,
  accountFileContent,
} from '../../../src-main/orchestration/backends/account-file'
import { shellQuote } from '../../../src-main/core/escape'
import { Commands, composeScript } from '../../../src-main/orchestration/script'
import { SshPool } from '../../../src-main/orchestration/ssh/connection-pool'
import { canaries, hostileString } from '../../support/hostile'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'
import { targetOf } from './ssh/targets'

/** How many generated accounts go into the one script. */
const ACCOUNTS = 1_000

type AccountFile = Parameters<typeof accountFileContent>[0]

const context = { id: 1, name: 'web1', address: '127.0.0.1' }

// Canaries touch /etc/pwned…, inside the test server's overlay, if anything ever runs them.
const hostile = hostileString('/etc/')

const username = fc
  .stringMatching(USERNAME_PATTERN, { size: 'small' })
  .filter((name) => usernameSchema.safeParse(name).success)

const contact = fc.record({
  email: hostile,
  emailUsage: fc.array(hostile, { maxLength: 3 }),
})

const accountFile = fc.record({
  username,
  fullName: hostile,
  email: hostile,
  type: hostile,
  language: hostile,
  isActive: fc.boolean(),
  contacts: fc.array(contact, { minLength: 1, maxLength: 3 }),
})

type AccountFileValue = typeof accountFile extends fc.Arbitrary<infer T> ? T : never

/** The backend only reads a few fields; the others are there to make whole objects. */
function toAccountFile({ contacts, ...fields }: AccountFileValue, id: number): AccountFile {
  const stamps = {
    version: 1,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  }
  const account = {
    ...fields,
    id,
    shortName: '',
    comments: '',
    isSuperuser: false,
    dateJoined: '2024-01-01',
    lastLogin: null,
    ...stamps,
  } as unknown as Account
  const rows = contacts.map(
    (c, index) =>
      ({
        ...c,
        ...stamps,
        id: id * 10 + index,
        accountId: id,
        shortName: '',
        fullName: '',
        phone: '',
        phone2: '',
        address: '',
        city: '',
        zipcode: '',
        country: '',
      }) as unknown as Contact,
  )
  return { account, contacts: rows }
}

/** Every canary verbatim in a full name of its own, besides those the generator mixes in. */
const accounts = fc
  .uniqueArray(accountFile, {
    minLength: ACCOUNTS,
    maxLength: ACCOUNTS,
    selector: (a) => a.username,
  })
  .map((generated) =>
    generated.map((fields, index) => {
      const canary = canaries('/etc/')[index]
      return toAccountFile(canary === undefined ? fields : { ...fields, fullName: canary }, index)
    }),
  )

/** One script for all the accounts, as the engine writes it for one server. */
function scriptFor(action: 'save' | 'delete', objects: readonly AccountFile[]) {
  const head = new Commands()
  accountFileBackend.prepare?.(head, context)
  const blocks = objects.map((object) => {
    const commands = new Commands()
    accountFileBackend.actions[action]!(commands, object, context)
    return { label: `${action} account #${object.account.id}`, commands }
  })
  const tail = new Commands()
  accountFileBackend.commit?.(tail, context)
  return composeScript({ title: `${action} ${objects.length} accounts`, head, blocks, tail }).text
}

let server: TestSshServer
const pool = new SshPool()

beforeAll(async () => {
  server = await startSshServer()
})

afterAll(async () => {
  await pool.close()
  await server?.stop()
})

async function run(script: string) {
  const { executable, timeoutMs } = accountFileBackend
  return pool.exec(targetOf(server), { executable, script, timeoutMs })
}

/**
 * Every file in the folder, name to content, in a few exec calls (each must stay under Node's
 * 1 MB for its output): per batch one `stat` for the byte sizes, a NUL, then one `cat`.
 */
function filesOnServer(): Map<string, string> {
  const names = server.exec(`ls -A ${ACCOUNT_FILE_DIR}`).split('\n').filter(Boolean)
  const files = new Map<string, string>()
  for (let start = 0; start < names.length; start += 100) {
    const batch = names
      .slice(start, start + 100)
      .map(shellQuote)
      .join(' ')
    const output = server.exec(
      `cd ${ACCOUNT_FILE_DIR} && stat -c %s -- ${batch} && printf '\\0' && cat -- ${batch}`,
    )
    const split = output.indexOf('\0')
    const sizes = output.slice(0, split).trim().split('\n').map(Number)
    const bytes = Buffer.from(output.slice(split + 1))
    let offset = 0
    sizes.forEach((size, index) => {
      files.set(names[start + index]!, bytes.toString('utf8', offset, (offset += size)))
    })
  }
  return files
}

/** What differs between the files and the expected ones, by name: empty when all match. */
function differences(files: Map<string, string>, objects: readonly AccountFile[]) {
  const expected = new Map(
    objects.map((o) => [`${o.account.username}.json`, accountFileContent(o)]),
  )
  const names = new Set([...files.keys(), ...expected.keys()])
  return [...names]
    .filter((name) => files.get(name) !== expected.get(name))
    .map((name) => ({ name, got: files.get(name), want: expected.get(name) }))
}

const pwned = () => server.exec('ls -d /etc/pwned* ~/pwned* 2>/dev/null || true')

describe('account-file backend with hostile values', () => {
  it(
    'writes 1,000 hostile accounts exactly, twice over, then deletes them twice',
    { timeout: 120_000 },
    async () => {
      const property = fc.asyncProperty(accounts, async (objects) => {
        server.exec(`rm -rf ${ACCOUNT_FILE_DIR}`)
        const save = scriptFor('save', objects)
        const first = await run(save)
        expect(first).toMatchObject({ exitCode: 0, stderr: '', stdout: '' })
        const written = filesOnServer()
        expect(differences(written, objects)).toEqual([])
        expect(pwned()).toBe('')

        // Idempotent: the same script again leaves the same files, and no temporary ones.
        expect(await run(save)).toMatchObject({ exitCode: 0, stderr: '' })
        expect(filesOnServer()).toEqual(written)

        // Delete tolerates absence: the second run finds nothing to remove and succeeds.
        const remove = scriptFor('delete', objects)
        for (let round = 1; round <= 2; round++) {
          expect(await run(remove)).toMatchObject({ exitCode: 0, stderr: '' })
          expect(server.exec(`ls -A ${ACCOUNT_FILE_DIR}`)).toBe('')
        }
        expect(pwned()).toBe('')
      })
      // The differences name every failing account; shrinking 1,000 of them would take minutes.
      await fc.assert(property, { numRuns: 1, endOnFailure: true })
    },
  )

  it('writes scripts that pass bash -n and shellcheck', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchestra-account-file-'))
    try {
      // shellcheck is slow on long scripts: a few short ones test the same writing.
      const short = fc.uniqueArray(accountFile, {
        minLength: 20,
        maxLength: 20,
        selector: (a) => a.username,
      })
      const property = fc.property(fc.array(short, { minLength: 4, maxLength: 4 }), (groups) => {
        const scripts = groups.flatMap((group, i) => {
          const objects = group.map(toAccountFile)
          return [
            [`save-${i}`, scriptFor('save', objects)],
            [`delete-${i}`, scriptFor('delete', objects)],
          ]
        })
        expect(checkScripts(dir, Object.fromEntries(scripts))).toEqual([])
      })
      fc.assert(property, { numRuns: 1, endOnFailure: true })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
