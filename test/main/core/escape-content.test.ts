import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { htmlText, WEBALIZER_VALUE_MAX, webalizerValue } from '../../../src-main/core/escape'
import { hostileString } from '../../support/hostile'

/** The contexts of the content backends, each checked by the program that reads it. */

const dir = mkdtempSync(join(tmpdir(), 'escape-content-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Hostile values, the same ones every run: each costs a run of a real tool. */
const samples = (count: number) =>
  fc.sample(hostileString('/tmp/escape-content-'), {
    numRuns: count,
    seed: 6,
  })

describe('webalizerValue', () => {
  it('passes a plain value through as it is', () => {
    expect(webalizerValue('/var/log/apache2/virtual/joe-main.log')).toBe(
      '/var/log/apache2/virtual/joe-main.log',
    )
    expect(webalizerValue('a # b')).toBe('a # b')
  })

  it('refuses what would end the line, be trimmed or be cut', () => {
    for (const value of ['', 'a\nb', 'a\rb', 'a\tb', ' a', 'a ', 'a\u2028b', 'a\0b']) {
      expect(() => webalizerValue(value), JSON.stringify(value)).toThrow()
    }
    expect(webalizerValue('x'.repeat(WEBALIZER_VALUE_MAX))).toHaveLength(WEBALIZER_VALUE_MAX)
    expect(() => webalizerValue('x'.repeat(WEBALIZER_VALUE_MAX + 1))).toThrow()
    // Bytes count, not characters: Webalizer cuts a byte buffer.
    expect(() => webalizerValue('ñ'.repeat(66))).toThrow()
  })

  it('gives Webalizer back every hostile value it accepts, whole', () => {
    const log = join(dir, 'access.log')
    writeFileSync(log, '192.0.2.7 - - [04/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 1\n')
    let accepted = 0
    for (const [index, value] of samples(40).entries()) {
      let line: string
      try {
        line = `HostName ${webalizerValue(value)}`
      } catch {
        continue
      }
      accepted++
      const out = join(dir, `out${index}`)
      const conf = join(dir, `w${index}.conf`)
      const lines = [`LogFile ${log}`, `OutputDir ${out}`, 'ReportTitle T', line, 'Quiet yes']
      writeFileSync(conf, `${lines.join('\n')}\n`)
      spawnSync('mkdir', ['-p', out])
      const run = spawnSync('webalizer', ['-c', conf], { encoding: 'utf8' })
      expect(run.status, run.stderr).toBe(0)
      const report = readFileSync(join(out, 'index.html'), 'utf8')
      const sent = Buffer.from(value).toString('utf8')
      expect(report, JSON.stringify(value)).toContain(`<TITLE>T ${sent} - Summary by Month`)
    }
    expect(accepted).toBeGreaterThan(5)
  })
})

describe('htmlText', () => {
  it('escapes the five characters of markup and nothing else', () => {
    expect(htmlText(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    )
    expect(htmlText('ñ $x {y}')).toBe('ñ $x {y}')
  })

  it('leaves hostile text as text and attribute values that an HTML parser reads back', () => {
    // Controls are no text of HTML at all: the values that use it (site names) hold none.
    const values = samples(200).filter((value) => !/[\p{Cc}]/u.test(value))
    const page = values.map((value) => `<p title="${htmlText(value)}">${htmlText(value)}</p>`)
    const file = join(dir, 'page.html')
    writeFileSync(
      file,
      `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
${page.join('\n')}</body></html>`,
    )
    // Python's own HTML parser, which unescapes as browsers do (html.unescape).
    const read = [
      'import json, sys',
      'from html.parser import HTMLParser',
      'class Read(HTMLParser):',
      '    found = []',
      '    def handle_starttag(self, tag, attrs):',
      "        if tag == 'p': self.found.append([dict(attrs)['title'], '']); self.inside = True",
      '    def handle_endtag(self, tag):',
      '        self.inside = False',
      '    def handle_data(self, data):',
      "        if getattr(self, 'inside', False): self.found[-1][1] += data",
      'parser = Read()',
      "parser.feed(open(sys.argv[1], encoding='utf-8').read())",
      'print(json.dumps(parser.found))',
    ].join('\n')
    const python = spawnSync('python3', ['-c', read, file], { encoding: 'utf8' })
    expect(python.status, python.stderr).toBe(0)
    const sent = values.map((value) => Buffer.from(value).toString('utf8'))
    expect(JSON.parse(python.stdout)).toEqual(sent.map((value) => [value, value]))
  })
})
