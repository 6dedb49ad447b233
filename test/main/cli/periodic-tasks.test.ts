import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core/core'
import { claimTask, getTaskRun } from '../../../src-main/data/periodic-task-runs'
import { metricRows, orders, services } from '../../../src-main/db/schema'
import { runOrchestra, withCoreAt } from '../../support/cli'
import { accountInput } from '../../support/core'

// The daily tasks as a system timer runs them: the real binary on a real database. The tests
// follow one another: the run finds what the dry run counted.

let dataDir: string

const orchestra = (...args: string[]) => runOrchestra(dataDir, args)
const withCore = <T>(work: (core: Core) => Promise<T>) => withCoreAt(dataDir, work)

const orderCount = () =>
  withCore(async (core) => (await core.store.read((tx) => tx.select().from(orders))).length)

/** A disk order billed on 15 March up to 1 April, with values confirmed in January and February. */
async function billedDisk(core: Core, accountId: number) {
  await core.store.write(async (tx) => {
    const [disk] = await tx
      .insert(services)
      .values({
        description: 'Disk',
        contentType: 'mailbox',
        metric: 'mailbox.disk',
        billingPeriod: 'MONTHLY',
        pricingPeriod: '',
        nominalPrice: '1.00',
      })
      .returning()
    const [order] = await tx
      .insert(orders)
      .values({
        accountId,
        serviceId: disk!.id,
        contentType: 'mailbox',
        objectId: 1,
        registeredOn: '2026-01-01',
        billedOn: '2026-03-15',
        billedUntil: '2026-04-01',
        billedMetric: '3.00',
        description: 'Disk',
      })
      .returning()
    const row = (createdOn: string, value: string) => ({
      orderId: order!.id,
      createdOn,
      updatedOn: `${createdOn}T10:00:00+01:00`,
      value,
    })
    // 40 days before 15 March is 3 February: the January rows are old, the later one stays.
    await tx
      .insert(metricRows)
      .values([row('2026-01-10', '1.00'), row('2026-01-20', '2.00'), row('2026-02-20', '3.00')])
  })
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orchestra-periodic-cli-'))
  await withCore(async (core) => {
    const call = core.dispatcher.dispatch.bind(core.dispatcher)
    const { account } = await call('accounts:create', accountInput({ username: 'ana' }))
    const kind = (await call('miscServices:create', { name: 'backup', hasAmount: true })).id
    for (const identifier of ['a', 'b']) {
      await call('miscellaneous:create', { serviceId: kind, accountId: account.id, identifier })
    }
    await call('billingServices:create', {
      description: 'Backup',
      contentType: 'miscellaneous',
      billingPeriod: 'MONTHLY',
      ignorePeriod: '',
      nominalPrice: '5',
      periodicUpdate: true,
    })
    await billedDisk(core, account.id)
  })
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

// Each binary start compiles the core: a few seconds apiece on a busy machine.
describe('orchestra periodic-tasks', { timeout: 60_000 }, () => {
  it('refuses an unknown task with exit code 2', () => {
    const { code, stderr } = orchestra('periodic-tasks', '--only', 'backups')
    expect(stderr).toBe('--only takes one of: metrics-cleanup, update-orders\n')
    expect(code).toBe(2)
  })

  it('counts what each task would do with --dry-run and writes nothing', async () => {
    const { code, stdout } = orchestra('periodic-tasks', '--dry-run')
    expect(stdout).toBe(
      'metrics-cleanup: would delete 1 metric rows of 1 orders\n' +
        'update-orders: 1 periodic services: 2 orders to create, 0 updated, 0 cancelled, ' +
        '0 errors\n' +
        'Dry run: nothing was written.\n',
    )
    expect(code).toBe(0)
    expect(await orderCount()).toBe(1)
  })

  it('runs one task with --only and records its run', async () => {
    const { code, stdout } = orchestra('periodic-tasks', '--only', 'metrics-cleanup')
    expect(stdout).toBe('metrics-cleanup: deleted 1 metric rows of 1 orders\n')
    expect(code).toBe(0)
    const record = await withCore((core) =>
      core.store.read((tx) => getTaskRun(tx, 'metrics-cleanup')),
    )
    expect(record?.lastOutcome).toBe('deleted 1 metric rows of 1 orders')
    expect(record?.claimedBy).toBeNull()
  })

  it('skips a task another workstation is running and exits 1', async () => {
    await withCore((core) =>
      core.store.write((tx) =>
        claimTask(tx, {
          task: 'update-orders',
          owner: 'clerk@ws2',
          now: new Date().toISOString(),
          until: new Date(Date.now() + 3600_000).toISOString(),
        }),
      ),
    )
    const { code, stdout } = orchestra('periodic-tasks')
    expect(stdout).toBe(
      'metrics-cleanup: deleted 0 metric rows of 0 orders\n' +
        'update-orders: skipped, clerk@ws2 is running it\n',
    )
    expect(code).toBe(1)
    expect(await orderCount()).toBe(1)
  })
})
