import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBill } from '../../../src-main/data/bills'
import { makeCore, type TestCore } from '../../support/core'
import { createPostgresDatabase, type TestDatabase } from '../../support/databases'
import { addAccount, ctxOf } from '../data/bill-fixtures'

// Two workstations, as two Node processes, closing bills at the same moment on one
// PostgreSQL database (spec 7.3): every final number once, none skipped, in closing order.

const BILLS = 1000
const WORKER = join(__dirname, 'bill-numbering-worker.ts')

let database: TestDatabase
let core: TestCore
let ids: number[]

beforeAll(async () => {
  database = await createPostgresDatabase()
  core = await makeCore({ database: database.url })
  const accountId = await addAccount(core, 'ana')
  ids = await core.store.write(async (tx) => {
    const created: number[] = []
    for (let i = 0; i < BILLS; i++) {
      const bill = await createBill(ctxOf(tx), {
        type: 'INVOICE',
        accountId,
        createdOn: '2026-06-01',
      })
      created.push(bill.id)
    }
    return created
  })
}, 120_000)

afterAll(async () => {
  await core?.dispose()
  await database?.drop()
})

interface Closed {
  number: string
  at: string
}

interface Workstation {
  child: ChildProcess
  ready: Promise<void>
  result: Promise<{ closed: Closed[]; seconds: number }>
}

function workstation(billIds: number[]): Workstation {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, database.url, billIds.join(',')],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  )
  const errors: string[] = []
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()))
  const lines = createInterface({ input: child.stdout! })
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const result = new Promise<{ closed: Closed[]; seconds: number }>((resolve, reject) => {
    lines.on('line', (line) => (line === 'ready' ? markReady() : resolve(JSON.parse(line))))
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}:\n${errors.join('')}`))
    })
  })
  return { child, ready, result }
}

const sequenceOf = (number: string) => Number(number.slice('I2026'.length))

describe('bill numbering shared by two workstations', () => {
  it('numbers 1,000 bills closed at once by two processes 1 to 1,000, in order', async () => {
    const stations = [
      workstation(ids.filter((_, i) => i % 2 === 0)),
      workstation(ids.filter((_, i) => i % 2 === 1)),
    ]
    await Promise.all(stations.map((station) => station.ready))
    for (const station of stations) station.child.stdin!.end('go\n')
    const results = await Promise.all(stations.map((station) => station.result))

    // Each workstation's own closings got ever larger numbers.
    for (const { closed } of results) {
      const sequences = closed.map((bill) => sequenceOf(bill.number))
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b))
    }
    // Both together: 1..1000 once each, and in the order the closings took their numbers.
    const all = results.flatMap((result) => result.closed)
    all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    expect(all.map((bill) => bill.number)).toEqual(
      Array.from({ length: BILLS }, (_, i) => `I2026${String(i + 1).padStart(4, '0')}`),
    )
    // Both really worked at the same time: each got numbers from early and late in the series.
    // The margins leave room for one workstation being scheduled a little later than the other.
    for (const { closed } of results) {
      expect(sequenceOf(closed[0]!.number)).toBeLessThan(BILLS / 4)
      expect(sequenceOf(closed.at(-1)!.number)).toBeGreaterThan((BILLS * 3) / 4)
    }
    const seconds = Math.max(...results.map((result) => result.seconds))
    console.info(`${BILLS} bills closed by two workstations in ${seconds.toFixed(1)} s`)
  }, 180_000)
})
