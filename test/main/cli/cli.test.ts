import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const BIN = join(__dirname, '..', '..', '..', 'bin', 'orchestra.js')
const dirs: string[] = []

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orchestra-cli-'))
  dirs.push(dir)
  return dir
}

function orchestra(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('orchestra command line', () => {
  it('lists its commands with --help', () => {
    const help = orchestra(['--help'])
    for (const command of ['serve', 'migrate', 'demo-data']) expect(help).toContain(command)
  })

  it('creates the database in the folder named by ORCHESTRA_DATA_DIR', () => {
    const dir = tempDir()
    expect(orchestra(['migrate'], { ORCHESTRA_DATA_DIR: dir })).toContain(dir)
    expect(existsSync(join(dir, 'orchestra.sqlite'))).toBe(true)
    expect(existsSync(join(dir, 'logs', 'orchestra.log'))).toBe(true)
  })

  it('fails with a clear message on an unknown command', () => {
    expect(() => orchestra(['frobnicate', '--data-dir', tempDir()])).toThrow(/Unknown command/)
  })

  it('serves and prints the page URL with its token on a line of its own', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--data-dir', tempDir()])
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const line = out.split('\n').find((l) => l.startsWith('http://'))
        if (line) resolve(line)
      })
      child.on('exit', () => reject(new Error(`serve exited early: ${out}`)))
    })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/)

    const token = url.split('#token=')[1]
    const reply = await fetch(new URL('/api/app:info', url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    })
    const info = (await reply.json()) as { database: { kind: string } }
    expect(info.database.kind).toBe('sqlite')
    child.kill('SIGTERM')
  })

  it('adds demo data again without clashing, and refuses a count that is not a number', () => {
    const dir = tempDir()
    for (let run = 0; run < 2; run++) {
      expect(orchestra(['demo-data', '--data-dir', dir, '--accounts', '30'])).toContain('Added 30')
    }
    expect(() => orchestra(['demo-data', '--data-dir', dir, '--accounts', 'abc'])).toThrow(
      /--accounts must be a whole number/,
    )
  })

  it('copies a database into an empty one with progress, and refuses a full one', () => {
    const dir = tempDir()
    orchestra(['demo-data', '--data-dir', dir, '--accounts', '5'])
    const target = join(dir, 'copy.sqlite')
    const out = orchestra(['copy', '--data-dir', dir, '--to', target])
    expect(out).toMatch(/copying accounts 5\/5/)
    expect(out).toMatch(/100% checking/)
    expect(out).toMatch(/accounts: 5/)
    expect(out).toMatch(/Copied and checked \d+ rows/)
    expect(() => orchestra(['copy', '--data-dir', dir, '--to', target])).toThrow(
      /not empty: accounts has 5 rows/,
    )
  })
})
