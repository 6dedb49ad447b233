import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { phpString } from '../../../src-main/core/escape'
import { hostileString } from '../../support/hostile'

/** What PHP makes of literals: each value's bytes, as hex, one a line. */
function phpReads(values: string[]): string[] {
  const source = `<?php\n${values.map((v) => `echo bin2hex(${phpString(v)}), "\\n";`).join('\n')}\n`
  const run = spawnSync('php', ['-n'], { input: source, encoding: 'utf8' })
  expect(run.stderr).toBe('')
  return run.stdout.split('\n').filter((line, i, all) => i < all.length - 1 || line)
}

describe('phpString', () => {
  it('gives PHP back exactly the text, with quotes, $, braces and backslashes as data', () => {
    const fixed = ["'", "\\'", '\\', "a\\'; system('id'); //", '${x}', '{$y}', '$z', '\\\\\n?>']
    const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex')
    expect(phpReads(fixed)).toEqual(fixed.map(hex))
    fc.assert(
      fc.property(
        fc.array(hostileString('/tmp/php-'), { minLength: 1, maxLength: 20 }),
        (values) => {
          expect(phpReads(values)).toEqual(values.map(hex))
        },
      ),
      { numRuns: 25 },
    )
  })

  it('refuses NUL', () => {
    expect(() => phpString('a\0b')).toThrow(/NUL/)
  })
})
