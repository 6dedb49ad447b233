import { describe, expect, it } from 'vitest'
import { renderApacheSite } from '../../../src-main/orchestration/backends/apache-vhost'
import { renderNginxSite } from '../../../src-main/orchestration/backends/nginx-server'
import { parseDirective } from '../../../src-shared/schemas/website-directives'
import { websiteCreateSchema } from '../../../src-shared/schemas/websites'
import { toFieldIssues } from '../../../src-shared/validation'
import { site, staticApp, mount } from './fixtures'

const wordpress = { root: '/var/www/wordpress-mu', listen: 'unix:/run/php/php8.2-fpm.sock' }

function issues(directives: { name: string; value: string }[], contents: unknown[] = []) {
  const input = { accountId: 1, name: 'main', directives, contents }
  const parsed = websiteCreateSchema.safeParse(input)
  if (parsed.success) return []
  return toFieldIssues(parsed.error, input).map((issue) => `${issue.field}: ${issue.rule}`)
}

describe('SaaS directives (spec 6.3)', () => {
  it('store a normalised path and know their service', () => {
    expect(parseDirective('wordpress-saas', ' /blog/ ')).toEqual({
      ok: true,
      value: '/blog',
      parsed: { name: 'wordpress-saas', service: 'wordpress', path: '/blog' },
    })
    expect(parseDirective('moodle-saas', '/')).toMatchObject({ ok: true, value: '/' })
  })

  it('refuse a value that is not one plain path', () => {
    const hostile = ['blog', '/a b', '/"x', "/a'", '/a#b', '/a\nb', '/a\r\nb', '/../etc', '/$x']
    for (const raw of hostile) {
      expect(parseDirective('dokuwiki-saas', raw).ok, JSON.stringify(raw)).toBe(false)
    }
  })

  it('take a location no content or other directive may share', () => {
    const app = { webappId: 3, path: '/blog' }
    expect(issues([{ name: 'wordpress-saas', value: '/blog/' }], [app])).toEqual([
      'directives.0.value: location_unique',
    ])
    const both = [
      { name: 'wordpress-saas', value: '/' },
      { name: 'drupal-saas', value: '/' },
    ]
    expect(issues(both)).toEqual(['directives.1.value: location_unique'])
    expect(
      issues([{ name: 'moodle-saas', value: '/learn' }], [{ webappId: 3, path: '/' }]),
    ).toEqual([])
  })
})

describe('SaaS mounts in Apache and nginx', () => {
  const mounted = site({
    contents: [mount('/', staticApp(1, 'home'))],
    directives: [{ name: 'wordpress-saas', service: 'wordpress', path: '/blog' }],
    saasInstalls: { wordpress },
  })

  it('alias the installation at the path and hand its PHP to its pool in Apache', () => {
    const { config, errors } = renderApacheSite(mounted)
    expect(errors).toEqual([])
    expect(config).toContain('Alias "/blog" "/var/www/wordpress-mu"')
    expect(config).toContain('<Directory "/var/www/wordpress-mu">')
    expect(config).toContain(
      'SetHandler "proxy:unix:/run/php/php8.2-fpm.sock|fcgi://saas-wordpress"',
    )
    // The longer location comes first, so the site's own root does not take /blog.
    expect(config.indexOf('Alias "/blog"')).toBeLessThan(config.indexOf('DocumentRoot'))
  })

  it('serve the installation as the root when mounted at /, over TCP too', () => {
    const atRoot = site({
      directives: [{ name: 'moodle-saas', service: 'moodle', path: '/' }],
      saasInstalls: { moodle: { root: '/var/www/moodle-mu', listen: '127.0.0.1:9001' } },
    })
    expect(renderApacheSite(atRoot).config).toContain('DocumentRoot "/var/www/moodle-mu"')
    expect(renderApacheSite(atRoot).config).toContain('SetHandler "proxy:fcgi://127.0.0.1:9001"')
    const nginx = renderNginxSite(atRoot).config
    expect(nginx).toContain('location "/" {\n        root "/var/www/moodle-mu";')
    expect(nginx).toContain('fastcgi_pass "127.0.0.1:9001";')
  })

  it('give nginx a location with the installation as alias and its own PHP block', () => {
    const { config, errors } = renderNginxSite(mounted)
    expect(errors).toEqual([])
    expect(config).toContain('location "/blog/" {\n        alias "/var/www/wordpress-mu/";')
    expect(config).toContain('fastcgi_pass "unix:/run/php/php8.2-fpm.sock";')
    expect(config).toContain('location = "/blog" {\n        return 301 "/blog/";')
  })
})
