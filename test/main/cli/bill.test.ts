import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core/core'
import { billContacts, bills, orders, services } from '../../../src-main/db/schema'
import { pdfText, qpdfCheck } from '../billing/fixtures/pdf-tools'
import { runOrchestra, withCoreAt } from '../../support/cli'
import { accountInput } from '../../support/core'

// The billing commands run as a clerk would: the real binary on a real database. The tests
// follow one another: the invoice printed is the one the commit wrote.

let dataDir: string

const orchestra = (...args: string[]) => runOrchestra(dataDir, args)
const withCore = <T>(work: (core: Core) => Promise<T>) => withCoreAt(dataDir, work)

async function addCustomer(core: Core, username: string, name: string, serviceId: number) {
  const { account } = await core.dispatcher.dispatch('accounts:create', accountInput({ username }))
  await core.store.write(async (tx) => {
    await tx.insert(billContacts).values({
      accountId: account.id,
      name,
      vat: 'B12345678',
      country: 'ES',
      address: 'Carrer Major 1',
      city: 'Barcelona',
      zipcode: '08001',
    })
    await tx.insert(orders).values({
      accountId: account.id,
      serviceId,
      contentType: 'mailbox',
      objectId: account.id,
      registeredOn: '2026-01-01',
      description: `Mailbox ${username}@example.net`,
    })
  })
}

const billCount = () => withCore((core) => core.store.read((tx) => tx.select().from(bills)))

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orchestra-bill-cli-'))
  await withCore(async (core) => {
    const [service] = await core.store.write((tx) =>
      tx
        .insert(services)
        .values({ description: 'Mailbox', contentType: 'mailbox', nominalPrice: '12.00' })
        .returning(),
    )
    await addCustomer(core, 'ana', 'Àngels Puigdomènech SL', service!.id)
    await addCustomer(core, 'bea', 'Beatriz Núñez', service!.id)
  })
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

// Each binary start compiles the core: a few seconds apiece on a busy machine.
describe('orchestra bill', { timeout: 60_000 }, () => {
  it('refuses a date that is not a calendar day, with exit code 2', () => {
    const { code, stderr } = orchestra('bill', '--date', '2026-02-30')
    expect(stderr).toContain('bill needs --date YYYY-MM-DD')
    expect(code).toBe(2)
  })

  it('prints the run per account with --dry-run and writes nothing', async () => {
    const { code, stdout } = orchestra('bill', '--date', '2026-01-05', '--dry-run')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^ana \(account \d+\): 12\.00$/m)
    expect(stdout).toMatch(
      /^ {4}\d+ +Mailbox ana@example\.net +Jan\. '26 \/ Dec\. '26 +1 +12\.00$/m,
    )
    expect(stdout).toMatch(/^bea \(account \d+\): 12\.00$/m)
    expect(stdout).toContain('2 accounts, 2 lines, total 24.00')
    expect(stdout).toContain('Dry run: nothing was written.')
    expect(await billCount()).toHaveLength(0)
  })

  it('writes one invoice per account, then finds nothing pending the same day', async () => {
    const first = orchestra('bill', '--date', '2026-01-05')
    expect(first.stdout).toContain('Wrote 2 bills (OI20260001, OI20260002) with 2 lines')
    expect(first.code).toBe(0)
    const again = orchestra('bill', '--date', '2026-01-05')
    expect(again.stdout).toBe('No pending billing.\n')
    expect(again.code).toBe(0)
    expect((await billCount()).map((bill) => bill.type)).toEqual(['INVOICE', 'INVOICE'])
  })
})

describe('orchestra invoice', { timeout: 60_000 }, () => {
  it('writes the bill as a PDF that qpdf accepts and that names the customer', () => {
    const file = join(dataDir, 'OI20260001.pdf')
    const { code, stdout } = orchestra('invoice', 'OI20260001', '--pdf', file)
    expect(stdout).toContain(`Wrote OI20260001 to ${file}`)
    expect(code).toBe(0)
    const bytes = readFileSync(file)
    expect(qpdfCheck(bytes).status).toBe(0)
    expect(pdfText(bytes)).toContain('Àngels Puigdomènech SL')
  })

  it('names an unknown bill number and exits 2 without writing a file', () => {
    const file = join(dataDir, 'missing.pdf')
    const { code, stderr } = orchestra('invoice', 'I20269999', '--pdf', file)
    expect(stderr).toContain('Bill I20269999 does not exist')
    expect(code).toBe(2)
    expect(existsSync(file)).toBe(false)
  })
})
