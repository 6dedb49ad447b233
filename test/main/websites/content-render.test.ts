import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type {
  ContentApp,
  ContentMount,
} from '../../../src-main/orchestration/backends/content-objects'
import { wwwrootLine } from '../../../src-main/orchestration/backends/content-moodle'
import {
  placeholderPage,
  webalizerConfig,
} from '../../../src-main/orchestration/backends/content-webalizer'
import { siteUrlBlock } from '../../../src-main/orchestration/backends/content-wordpress'
import { hostileString } from '../../support/hostile'

/**
 * What the content backends write, from values no validator stopped: PHP reads every URL
 * back whole from the file it lands in, and a Webalizer configuration stays one line per
 * setting or is not written at all.
 */

const dir = mkdtempSync(join(tmpdir(), 'content-render-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const hostile = fc.sample(hostileString('/tmp/content-render-'), { numRuns: 40, seed: 66 })

function mount(overrides: Partial<ContentMount> = {}): ContentMount {
  return {
    websiteId: 1,
    websiteName: 'main',
    uniqueName: 'joe-main',
    path: '/',
    protocol: 'https',
    active: true,
    url: 'https://example.org',
    accessLog: '/var/log/apache2/virtual/joe-main.log',
    ...overrides,
  }
}

/** Only what the renderers read of an app. */
const app = (mounts: ContentMount[]) =>
  ({
    appDir: '/home/joe/webapps/stats',
    webalizerDir: '/home/httpd/webalizer',
    mounts,
  }) as unknown as ContentApp

/** Runs a PHP file of `<?php` and `body`, then `read`, as the application would load it. */
function php(name: string, body: string, read: string) {
  const file = join(dir, `${name}.php`)
  writeFileSync(file, `<?php\n${body}\n`)
  const lint = spawnSync('php', ['-l', file], { encoding: 'utf8' })
  expect(lint.status, lint.stdout).toBe(0)
  const run = spawnSync('php', ['-r', `require $argv[1]; ${read}`, file], { encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as unknown
}

const sent = (value: string) => Buffer.from(value).toString('utf8')

describe('siteUrlBlock', () => {
  it('is empty for an app mounted where no site has a name', () => {
    expect(siteUrlBlock(app([]))).toBe('')
    expect(siteUrlBlock(app([mount({ url: null })]))).toBe('')
  })

  it('forces SSL for the admin on every protocol but plain http', () => {
    const read = "echo json_encode(defined('FORCE_SSL_ADMIN') ? FORCE_SSL_ADMIN : null);"
    expect(php('ssl', siteUrlBlock(app([mount({ protocol: 'http/https' })])), read)).toBe(true)
    expect(php('plain', siteUrlBlock(app([mount({ protocol: 'http' })])), read)).toBe(null)
  })

  it('gives PHP back any URL whole, as WP_HOME and WP_SITEURL', () => {
    hostile.filter(Boolean).forEach((url, index) => {
      const block = siteUrlBlock(app([mount({ url })]))
      const read = 'echo json_encode([WP_HOME, WP_SITEURL]);'
      expect(php(`wp${index}`, block, read), JSON.stringify(url)).toEqual([sent(url), sent(url)])
    })
  })

  it('leaves a constant the file defined before it as it was', () => {
    const block = siteUrlBlock(app([mount()]))
    const body = `define('WP_HOME', 'https://own.example');\n${block}`
    expect(php('own', body, 'echo json_encode([WP_HOME, WP_SITEURL]);')).toEqual([
      'https://own.example',
      'https://example.org',
    ])
  })
})

describe('wwwrootLine', () => {
  it('gives PHP back any URL whole as $CFG->wwwroot', () => {
    hostile.forEach((url, index) => {
      const body = `$CFG = new stdClass();\n${wwwrootLine(url)}`
      const read = 'echo json_encode($CFG->wwwroot);'
      expect(php(`moodle${index}`, body, read), JSON.stringify(url)).toBe(sent(url))
    })
  })
})

describe('webalizerConfig', () => {
  it('keeps one setting a line, or refuses the site', () => {
    const plain = webalizerConfig(app([]), mount()).split('\n').length
    let written = 0
    for (const websiteName of hostile) {
      let config: string
      try {
        config = webalizerConfig(app([]), mount({ websiteName }))
      } catch {
        continue
      }
      written++
      expect(config.split('\n'), JSON.stringify(websiteName)).toHaveLength(plain)
      expect(config).toContain(`\nHostName ${websiteName}\n`)
    }
    expect(written).toBeGreaterThan(5)
  })

  it('shows a site name in the placeholder page as text only', () => {
    expect(placeholderPage(mount({ websiteName: '<b>x</b>&' }))).toContain(
      'Statistics of &lt;b&gt;x&lt;/b&gt;&amp;</title>',
    )
  })
})
