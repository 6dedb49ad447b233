import { protocolPorts } from '../../../src-shared/schemas/websites'
import { nginxRegex, nginxWord as q, pcreLiteral } from '../../core/escape'
import { BANNER, type RenderedSite } from './apache-vhost'
import type { ServedWebapp } from './webapp-runtime'
import type { MountedContent, SaasInstall, WebsiteObject } from './website-objects'

/**
 * A website as nginx server blocks, from the same object as Apache's: contents become
 * locations, FPM apps fastcgi_pass, uWSGI apps uwsgi_pass. nginx has no suEXEC and cannot
 * start a FastCGI process itself, so an FCGID app cannot be served and the site is refused.
 * Every user value is one quoted argument, with no `$` where nginx would read a variable.
 */

interface Block {
  location: string
  lines: string[]
}

const indent = (lines: string[]) => lines.map((line) => (line ? `    ${line}` : line))

const located = (match: string, inner: string[]) => [`location ${match} {`, ...indent(inner), '}']

/** `/` as it is, `/blog` as `/blog/`: a prefix that cannot also match `/blogger`. */
const slashed = (location: string) => (location === '/' ? '/' : `${location}/`)

/** How files are found under a location: `root` at `/`, else `alias` (with its slash). */
function filesAt(location: string, dir: string): string {
  return location === '/' ? `root ${q(dir)};` : `alias ${q(`${dir}/`)};`
}

function phpLocation(pass: string, timeout: number | null): string[] {
  return located('~ \\.php$', [
    // Only a script that is there: no /image.jpg/x.php reaching PHP (a path-info trick).
    'if (!-f $request_filename) {',
    '    return 404;',
    '}',
    'include fastcgi_params;',
    'fastcgi_param SCRIPT_FILENAME $request_filename;',
    `fastcgi_pass ${q(pass)};`,
    ...(timeout !== null ? [`fastcgi_read_timeout ${timeout}s;`] : []),
  ])
}

/** Upload folders serve files only: `^~` keeps the PHP location above from matching. */
function uploadLocations(content: MountedContent, app: ServedWebapp): string[] {
  return app.uploadDirs.flatMap((dir) => {
    const location = `${content.path === '/' ? '' : content.path}/${dir}`
    const files =
      content.path === '/'
        ? `root ${q(app.documentRoot)};`
        : `alias ${q(`${app.documentRoot}/${dir}/`)};`
    return located(`^~ ${q(`${location}/`)}`, [files])
  })
}

function contentBlock(content: MountedContent): Block {
  const app = content.app!
  const { path } = content
  const inner = [filesAt(path, app.documentRoot)]
  const runtime = app.runtime
  if (runtime.kind === 'fpm') {
    // `unix:<socket>` and `<host>:<port>` are both what fastcgi_pass reads.
    inner.push('index index.php index.html;', ...phpLocation(runtime.listen, app.timeoutSeconds))
  } else if (runtime.kind === 'uwsgi') {
    inner.push('include uwsgi_params;', `uwsgi_pass ${q(`unix:${runtime.socket}`)};`)
    if (app.timeoutSeconds !== null) inner.push(`uwsgi_read_timeout ${app.timeoutSeconds}s;`)
  } else {
    inner.push('index index.html index.htm;')
  }
  inner.push(...uploadLocations(content, app))
  const lines = located(q(slashed(path)), inner)
  if (path !== '/') lines.push(...located(`= ${q(path)}`, [`return 301 ${q(`${path}/`)};`]))
  return { location: path, lines }
}

/** A shared SaaS installation at a path: its files, its PHP to the installation's pool. */
function saasBlock(path: string, install: SaasInstall): Block {
  // `unix:<socket>` and `<host>:<port>` are both what fastcgi_pass reads.
  const inner = [filesAt(path, install.root), 'index index.php index.html;']
  inner.push(...phpLocation(install.listen, null))
  const lines = located(q(slashed(path)), inner)
  if (path !== '/') lines.push(...located(`= ${q(path)}`, [`return 301 ${q(`${path}/`)};`]))
  return { location: path, lines }
}

function directiveBlocks(site: WebsiteObject): { blocks: Block[]; server: string[] } {
  const blocks: Block[] = []
  const server: string[] = []
  for (const directive of site.directives) {
    if ('service' in directive) {
      const install = site.saasInstalls[directive.service]
      if (install) blocks.push(saasBlock(directive.path, install))
      continue
    }
    switch (directive.name) {
      case 'redirect': {
        const { path, url } = directive
        if (directive.isRegex) {
          const body = [`return 301 ${q(url, { captures: true })};`]
          blocks.push({ location: path, lines: located(`~ ${nginxRegex(path)}`, body) })
          break
        }
        // As Apache's Redirect: the path and everything below it, the rest kept.
        const base = url.replace(/\/$/, '')
        const below = `^${pcreLiteral(path === '/' ? '' : path)}/(.*)$`
        const lines = located(`^~ ${q(slashed(path))}`, [
          `rewrite ${nginxRegex(below)} ${q(`${base}/$1`, { captures: true })} permanent;`,
        ])
        if (path !== '/') lines.push(...located(`= ${q(path)}`, [`return 301 ${q(url)};`]))
        blocks.push({ location: path, lines })
        break
      }
      case 'proxy': {
        const url = directive.url.endsWith('/') ? directive.url : `${directive.url}/`
        const inner = [`proxy_pass ${q(url)};`, 'proxy_set_header Host $proxy_host;']
        if (directive.timeout !== undefined) inner.push(`proxy_read_timeout ${directive.timeout}s;`)
        blocks.push({ location: directive.path, lines: located(q(slashed(directive.path)), inner) })
        break
      }
      case 'error-document':
        server.push(`error_page ${directive.code} ${q(directive.target)};`)
        break
      default:
        // ModSecurity is Apache's here; the SSL files are the TLS server block's.
        break
    }
  }
  return { blocks, server }
}

function listen(site: WebsiteObject, port: number, ssl: boolean): string[] {
  const suffix = ssl ? ' ssl' : ''
  return site.listen.map((ip) => `listen ${ip === '*' ? port : `${ip}:${port}`}${suffix};`)
}

function head(site: WebsiteObject, port: number, ssl: boolean): string[] {
  const names = [site.serverName!, ...site.aliases].map((name) => q(name)).join(' ')
  const lines = [...listen(site, port, ssl), `server_name ${names};`]
  lines.push(`access_log ${q(site.nginx.accessLog)};`)
  if (site.nginx.errorLog) lines.push(`error_log ${q(site.nginx.errorLog)};`)
  return lines
}

const server = (lines: string[]) => ['server {', ...indent(lines), '}']

export function renderNginxSite(site: WebsiteObject): RenderedSite {
  const errors = site.contents.flatMap((content) => {
    if (!content.app)
      return [`web app ${content.webappName} (#${content.webappId}) cannot be served`]
    if (content.app.runtime.kind !== 'fcgid') return []
    return [
      `web app ${content.webappName} runs PHP through FCGID, which nginx cannot serve: ` +
        'give it an FPM version or route the website to Apache',
    ]
  })
  const warnings: string[] = []
  if (!site.serverName || errors.length) return { config: '', errors, warnings }
  if (site.directives.some((d) => d.name === 'sec-engine' || d.name === 'sec-rule-remove')) {
    warnings.push(`website ${site.name}: ModSecurity directives apply to Apache only`)
  }

  const directives = directiveBlocks(site)
  const blocks = [...site.contents.map(contentBlock), ...directives.blocks]
  blocks.sort((a, b) => b.location.length - a.location.length)
  const body = [...directives.server, ...blocks.flatMap((block) => block.lines)]
  const ports = protocolPorts(site.protocol)
  const out = [BANNER]
  if (ports.http) out.push(...server([...head(site, 80, false), ...body]))
  if (ports.https && site.tls) {
    const tls = [`ssl_certificate ${q(site.tls.cert)};`, `ssl_certificate_key ${q(site.tls.key)};`]
    out.push(...server([...head(site, 443, true), ...tls, ...body]))
    if (site.tls.ca) {
      warnings.push(`website ${site.name}: nginx reads the chain from the certificate file only`)
    }
  } else if (ports.https) {
    warnings.push(
      `website ${site.name} has no certificate: no https server block is written until one ` +
        'is issued, ssl-cert and ssl-key are given, or WEBSITES_DEFAULT_SSL_CERT is set',
    )
  }
  if (ports.redirectHttp) {
    out.push(...server([...head(site, 80, false), 'return 301 https://$host$request_uri;']))
  }
  return { config: `${out.join('\n')}\n`, errors, warnings }
}
