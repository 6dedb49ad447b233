import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, channels } from '../../src-shared/contract/channels'

describe('the contract', () => {
  it('names every call domain:verb', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-zA-Z]+$/)
  })

  it('declares reads that cannot write', () => {
    const writes = CHANNEL_NAMES.filter((name) => channels[name].kind === 'write')
    // A write's verb says it writes: create, update, delete, set… (deleteMany, setSoa).
    for (const name of writes) expect(name).toMatch(/:(create|update|delete|set)[A-Za-z]*$/)
  })

  it('is documented call by call in the README, which is the automation API reference', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')
    const missing = CHANNEL_NAMES.filter((name) => !readme.includes(`| \`${name}\` |`))
    expect(missing).toEqual([])
  })
})
