import { describe, expect, it } from 'vitest'
import { apacheWord, nginxRegex, nginxWord, pcreLiteral } from '../../../src-main/core/escape'
import { renderApacheSite } from '../../../src-main/orchestration/backends/apache-vhost'
import { renderNginxSite } from '../../../src-main/orchestration/backends/nginx-server'
import { serverNames } from '../../../src-main/orchestration/backends/website-objects'
import { fpmSocket, mount, servedApp, site, staticApp } from './fixtures'

const tls = { source: 'directives' as const, cert: '/etc/ssl/a.pem', key: '/etc/ssl/a.key', ca: '' }

describe('Apache virtual hosts (spec 6.5)', () => {
  it('names the server by the first non-wildcard domain, the rest aliases (14.53)', () => {
    expect(serverNames(['b.org', 'a.org', '*.a.org'])).toEqual({
      serverName: 'a.org',
      aliases: ['*.a.org', 'b.org'],
    })
    const { config } = renderApacheSite(
      site({ serverName: 'a.org', aliases: ['*.a.org', 'b.org'] }),
    )
    expect(config).toContain('ServerName "a.org"\n    ServerAlias "*.a.org" "b.org"\n')
  })

  it('writes one 443 vhost and a port 80 one that only redirects for https-only (14.52)', () => {
    const { config } = renderApacheSite(site({ protocol: 'https-only', tls }))
    expect(config.match(/<VirtualHost \*:443>/g)).toHaveLength(1)
    const [, plain] = config.split('<VirtualHost *:80>')
    expect(plain).toContain('RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]')
    expect(plain).not.toContain('DocumentRoot')
  })

  it('mounts static apps with DocumentRoot at / and Alias elsewhere, longest first (14.55)', () => {
    const contents = [
      mount('/', staticApp(1, 'root')),
      mount('/blog', staticApp(2, 'blog')),
      mount('/blog/x', staticApp(3, 'x')),
    ]
    const { config } = renderApacheSite(site({ contents }))
    expect(config).toContain('DocumentRoot "/home/joe/webapps/root"')
    const x = config.indexOf('Alias "/blog/x" "/home/joe/webapps/x"')
    const blog = config.indexOf('Alias "/blog" "/home/joe/webapps/blog"')
    expect(x).toBeGreaterThan(0)
    expect(blog).toBeGreaterThan(x)
    expect(config.indexOf('DocumentRoot')).toBeGreaterThan(blog)
  })

  it('renders RedirectMatch for a regex, error pages, and ModSecurity in IfModule', () => {
    const { config } = renderApacheSite(
      site({
        directives: [
          { name: 'redirect', path: '/old/(.*)', url: 'http://n/$1', isRegex: true },
          { name: 'error-document', code: 404, target: '/404.html' },
          { name: 'sec-rule-remove', ids: [981173] },
        ],
      }),
    )
    expect(config).toContain('RedirectMatch permanent "/old/(.*)" "http://n/$1"')
    expect(config).toContain('ErrorDocument 404 "/404.html"')
    expect(config).toContain('<IfModule mod_security2.c>\n        SecRuleRemoveById 981173\n')
  })

  it('hands PHP to FPM, runs nothing in upload folders, and follows the app timeout', () => {
    const blog = fpmSocket(7, 'blog', { uploadDirs: ['wp-content/uploads'], timeoutSeconds: 60 })
    const { config } = renderApacheSite(site({ contents: [mount('/', blog)] }))
    expect(config).toContain('SetHandler "proxy:unix:/run/php/joe-blog.sock|fcgi://webapp-7"')
    expect(config).toContain('ProxySet timeout=60')
    const uploads = config.slice(config.indexOf('wp-content/uploads">'))
    expect(uploads).toContain('SetHandler None')
    expect(uploads).toContain('php_admin_flag engine off')
    expect(config).toContain('SuexecUserGroup "joe-cgi" "joe"')
  })

  it('runs FCGID wrappers through the Action trick with FcgidIOTimeout', () => {
    const wrapper = '/var/www/fcgi-bin.d/joe/old-wrapper'
    const old = servedApp(
      4,
      'old',
      { kind: 'fcgid', wrapper, phpVersion: '8.2', cmdOptionsFile: '/etc/x.conf' },
      { timeoutSeconds: 90 },
    )
    const { config } = renderApacheSite(site({ contents: [mount('/old', old)] }))
    expect(config).toContain('Alias "/fcgi-bin/" "/var/www/fcgi-bin.d/joe/"')
    expect(config).toContain('Action php-fcgi "/fcgi-bin/old-wrapper"')
    expect(config).toContain('FcgidIOTimeout 90')
  })

  it('proxies uWSGI apps at their own location, not always at /', () => {
    const py = servedApp(5, 'py', { kind: 'uwsgi', socket: '/run/uwsgi/app/py/socket' })
    const { config } = renderApacheSite(site({ contents: [mount('/py', py)] }))
    expect(config).toContain('ProxyPass "/py/" "unix:/run/uwsgi/app/py/socket|uwsgi://webapp-5/"')
  })

  it('leaves out the TLS vhost with a warning when no certificate is known', () => {
    const rendered = renderApacheSite(site({ protocol: 'https' }))
    expect(rendered.config).not.toContain('VirtualHost')
    expect(rendered.warnings[0]).toContain('has no certificate')
  })

  it('names a web app that cannot be served instead of writing a site without it', () => {
    const contents = [{ path: '/', webappId: 9, webappName: 'gone' }]
    expect(renderApacheSite(site({ contents })).errors).toEqual([
      'web app gone (#9) cannot be served',
    ])
  })
})

describe('nginx server blocks', () => {
  it('refuses an FCGID app, naming it', () => {
    const wrapper = '/var/www/fcgi-bin.d/joe/old-wrapper'
    const old = servedApp(4, 'old', {
      kind: 'fcgid',
      wrapper,
      phpVersion: '8.2',
      cmdOptionsFile: '',
    })
    const rendered = renderNginxSite(site({ contents: [mount('/', old)] }))
    expect(rendered.config).toBe('')
    expect(rendered.errors[0]).toMatch(/^web app old runs PHP through FCGID/)
  })

  it('serves uploads without PHP and redirects like Apache does', () => {
    const blog = fpmSocket(7, 'blog', { uploadDirs: ['wp-content/uploads'] })
    const { config } = renderNginxSite(
      site({
        contents: [mount('/blog', blog)],
        directives: [{ name: 'redirect', path: '/old', url: 'https://n.example/', isRegex: false }],
      }),
    )
    expect(config).toContain(
      'location ^~ "/blog/wp-content/uploads/" {\n' +
        '            alias "/home/joe/webapps/blog/wp-content/uploads/";\n        }',
    )
    expect(config).toContain('rewrite "^/old/(.*)$" "https://n.example/$1" permanent;')
    expect(config).toContain('location = "/old" {\n        return 301 "https://n.example/";')
  })
})

describe('nginx locations', () => {
  it('passes uWSGI apps and proxies at their locations, with their timeouts', () => {
    const py = servedApp(5, 'py', { kind: 'uwsgi', socket: '/run/uwsgi/app/py/socket' })
    const { config } = renderNginxSite(
      site({
        contents: [mount('/py', { ...py, timeoutSeconds: 45 })],
        directives: [{ name: 'proxy', path: '/api', url: 'http://127.0.0.1:8080', timeout: 30 }],
      }),
    )
    expect(config).toContain('location "/py/" {')
    expect(config).toContain('uwsgi_pass "unix:/run/uwsgi/app/py/socket";')
    expect(config).toContain('uwsgi_read_timeout 45s;')
    expect(config).toContain('proxy_pass "http://127.0.0.1:8080/";')
    expect(config).toContain('proxy_read_timeout 30s;')
  })

  it('redirects port 80 of an https-only site to https and serves TLS on 443', () => {
    const { config } = renderNginxSite(site({ protocol: 'https-only', tls }))
    expect(config).toContain('listen 443 ssl;')
    expect(config).toContain('ssl_certificate "/etc/ssl/a.pem";')
    expect(config).toContain('return 301 https://$host$request_uri;')
  })
})

describe('web server escaping', () => {
  it('quotes Apache arguments and refuses what would end or expand them', () => {
    expect(apacheWord('/home/joe/a b')).toBe('"/home/joe/a b"')
    for (const bad of ['a"b', 'a\nb', 'a\r\nb', '${HOME}', 'a\\']) {
      expect(() => apacheWord(bad), bad).toThrow()
    }
  })

  it('refuses nginx variables and escapes, except regex captures where allowed', () => {
    expect(nginxWord('http://n/$1', { captures: true })).toBe('"http://n/$1"')
    for (const bad of ['$host', 'a"b', 'a\nb', 'a\\nb', 'a\\']) {
      expect(() => nginxWord(bad), bad).toThrow()
    }
    expect(() => nginxWord('http://n/$x', { captures: true })).toThrow()
    expect(nginxRegex('^/a/(\\d+)$')).toBe('"^/a/(\\d+)$"')
    expect(pcreLiteral('/a.b(c)')).toBe('/a\\.b\\(c\\)')
  })
})
