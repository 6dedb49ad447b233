import { describe, expect, it } from 'vitest'
import {
  DIRECTIVE_NAMES,
  normalizeUrlPath,
  parseDirective,
} from '../../../src-shared/schemas/website-directives'
import { websiteCreateSchema } from '../../../src-shared/schemas/websites'
import { toFieldIssues } from '../../../src-shared/validation'

const value = (name: (typeof DIRECTIVE_NAMES)[number], raw: string) => {
  const result = parseDirective(name, raw)
  return result.ok ? result.value : `${result.rule}: ${result.message}`
}

/** What a website create says about its parts, as field: rule. */
function issues(parts: Record<string, unknown>) {
  const input = { accountId: 1, name: 'main', ...parts }
  const parsed = websiteCreateSchema.safeParse(input)
  if (parsed.success) return []
  return toFieldIssues(parsed.error, input).map((issue) => `${issue.field}: ${issue.rule}`)
}

describe('website directives (spec 6.3)', () => {
  it('stores a bare redirect URL as a redirect of the root (14.51)', () => {
    expect(value('redirect', 'http://x')).toBe('/ http://x')
    expect(value('redirect', '  /old/  https://n.example/ ')).toBe('/old https://n.example/')
  })

  it('takes a path with regex signs as a regular expression (14.51)', () => {
    const result = parseDirective('redirect', '/old/(.*) http://n/$1')
    expect(result).toMatchObject({ ok: true, parsed: { isRegex: true, path: '/old/(.*)' } })
    expect(value('redirect', '/old http://n/$1')).toMatch(/^url:/)
    expect(value('redirect', '/old/(.* http://n/')).toMatch(/^url_regex:/)
  })

  it('refuses redirects to other schemes and URLs that would break a config', () => {
    expect(value('redirect', '/a ftp://x/')).toMatch(/^url_scheme:/)
    expect(value('redirect', '/a javascript:alert(1)')).toMatch(/^url_scheme:/)
    for (const url of ['http://x/${HOME}', 'http://x/{a}', 'http://x/<b>', 'http://x/$HOME']) {
      expect(value('redirect', `/a ${url}`), url).toMatch(/^url:/)
    }
  })

  it('normalises proxy paths and checks its options', () => {
    expect(value('proxy', '/api/ http://127.0.0.1:8080 retry=2 timeout=30')).toBe(
      '/api http://127.0.0.1:8080 timeout=30 retry=2',
    )
    expect(value('proxy', '/api http://y timeout=1000')).toMatch(/^proxy_option:/)
    expect(value('proxy', '/api http://y retry=1 retry=2')).toMatch(/^proxy_option:/)
  })

  it('renders error documents by status, refusing other statuses and targets', () => {
    expect(value('error-document', '404 /errors/404.html')).toBe('404 /errors/404.html')
    expect(value('error-document', '503 https://status.example.net/')).toBe(
      '503 https://status.example.net/',
    )
    expect(value('error-document', '302 /x')).toMatch(/^syntax:/)
    expect(value('error-document', '404 Sorry, not here')).toMatch(/^syntax:/)
    expect(value('error-document', '404 /../etc/passwd')).toMatch(/^dot_segment:/)
  })

  it('takes SSL files as absolute paths and rule ids as digits', () => {
    expect(value('ssl-cert', '/etc/ssl/a.pem')).toBe('/etc/ssl/a.pem')
    expect(value('ssl-cert', 'a.pem')).toMatch(/^server_path:/)
    expect(value('ssl-key', '/etc/ssl/../shadow')).toMatch(/^dot_segment:/)
    expect(value('sec-rule-remove', '981173  960015 981173')).toBe('981173 960015')
    expect(value('sec-rule-remove', '98a')).toMatch(/^rule_ids:/)
    expect(value('sec-engine', '/upload/')).toBe('/upload')
  })

  it('refuses hostile values in every directive, naming the rule', () => {
    const hostile = [
      '/a\nSSLEngine off',
      '/a\r\nInclude /etc/shadow',
      '/a\tb',
      '/a"b',
      "/a'b",
      '/a`id`',
      '/a\\b',
      '/a#b',
      '/a b c d e',
      '/../etc',
      '/a\u0000',
    ]
    for (const name of DIRECTIVE_NAMES) {
      for (const raw of hostile) {
        const prefix = name === 'error-document' ? '404 ' : ''
        const suffix = name === 'redirect' || name === 'proxy' ? ' http://x/' : ''
        const result = parseDirective(name, `${prefix}${raw}${suffix}`)
        expect(result.ok, `${name} ${JSON.stringify(raw)}`).toBe(false)
      }
    }
  })

  it('normalises URL paths as the location rules compare them', () => {
    expect(normalizeUrlPath('/')).toBe('/')
    expect(normalizeUrlPath('')).toBe('/')
    expect(normalizeUrlPath('//blog//x/')).toBe('/blog/x')
  })
})

describe('website contents and locations (spec 6.2)', () => {
  const app = (path: string) => ({ webappId: 1, path })

  it('reports a location conflict between a content and a redirect (14.50)', () => {
    const redirect = { name: 'redirect', value: '/ http://x' }
    expect(issues({ contents: [app('/')], directives: [redirect] })).toEqual([
      'directives.0.value: location_unique',
    ])
    const proxy = { name: 'proxy', value: '/blog/ http://y' }
    expect(issues({ contents: [app('/blog')], directives: [proxy] })).toEqual([
      'directives.0.value: location_unique',
    ])
  })

  it('compares normalised paths: /blog and /blog/ are the same location', () => {
    expect(issues({ contents: [app('/blog'), app('/blog/')] })).toEqual([
      'contents.1.path: location_unique',
    ])
    expect(issues({ contents: [app(''), app('/')] })).toEqual(['contents.1.path: location_unique'])
  })

  it('refuses two ssl-cert directives and a repeated error page status (14.51)', () => {
    const cert = { name: 'ssl-cert', value: '/etc/ssl/a.pem' }
    expect(issues({ directives: [cert, { ...cert, value: '/etc/ssl/b.pem' }] })).toEqual([
      'directives.1.value: unique_name',
    ])
    const page = (target: string) => ({ name: 'error-document', value: `404 ${target}` })
    expect(issues({ directives: [page('/a.html'), page('/b.html')] })).toEqual([
      'directives.1.value: unique_value',
    ])
  })

  it('refuses content paths that are not URL paths', () => {
    for (const path of ['blog', '/a b', '/a"b', '/a#b', '/../x', '/a\nb', '/a$b']) {
      expect(issues({ contents: [app(path)] }), path).toHaveLength(1)
    }
  })

  it('refuses website names that are not names', () => {
    for (const name of ['..', '.x', '-rf', 'My Site', 'a/b', 'a\nb', '']) {
      expect(issues({ name })[0], name).toBe(name ? 'name: pattern' : 'name: required')
    }
  })
})
