import { describe, expect, it } from 'vitest'
import { pgidSplitter, textCollector } from '../../../../src-main/orchestration/ssh/script-output'

const MARKER = 'orchestra-pgid-abc:'

function split(chunks: string[]) {
  const output: Buffer[] = []
  const pgids: number[] = []
  const onOutput = (chunk: Buffer) => output.push(chunk)
  const splitter = pgidSplitter(MARKER, onOutput, (pgid) => pgids.push(pgid))
  chunks.forEach((chunk) => splitter.write(Buffer.from(chunk)))
  splitter.end()
  return { output: Buffer.concat(output).toString(), pgids }
}

describe('pgidSplitter', () => {
  it('takes the marker line off the output, even when it arrives in pieces', () => {
    expect(split(['orchestra-pg', 'id-abc:42', '\nhello\n', 'world'])).toEqual({
      output: 'hello\nworld',
      pgids: [42],
    })
  })

  it('keeps what the login shell printed before the marker', () => {
    expect(split(['Welcome\n', `${MARKER}7\nout`])).toEqual({ output: 'Welcome\nout', pgids: [7] })
  })

  it('passes everything on when no marker comes', () => {
    const noise = 'x'.repeat(70 * 1024)
    expect(split([noise])).toEqual({ output: noise, pgids: [] })
    expect(split(['short, no marker'])).toEqual({ output: 'short, no marker', pgids: [] })
  })

  it("leaves a marker in the script's own output alone", () => {
    expect(split([`${MARKER}1\n${MARKER}2\n`])).toEqual({ output: `${MARKER}2\n`, pgids: [1] })
  })
})

describe('textCollector', () => {
  it('holds back a partial UTF-8 character until its last byte arrives', () => {
    const parts: string[] = []
    const collector = textCollector((text) => parts.push(text))
    const bytes = Buffer.from('né✓')
    for (const byte of bytes) collector.write(Buffer.from([byte]))
    expect(collector.end()).toBe('né✓')
    expect(parts).toEqual(['n', 'é', '✓'])
  })
})
