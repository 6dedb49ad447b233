import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  parseCertificateOutput,
  parseOpensslDate,
} from '../../../src-main/data/certificate-outcomes'
import { coveredByWildcard } from '../../../src-main/data/certificates'
import {
  certbotWebrootBackend,
  type CertificateObject,
} from '../../../src-main/orchestration/backends/certificates'
import { shellQuote } from '../../../src-main/core/escape'
import { Commands, composeScript } from '../../../src-main/orchestration/script'
import { certificateNameSchema } from '../../../src-shared/schemas/certificates'
import { SETTINGS } from '../../../src-shared/schemas/settings'
import { canaries, hostileString } from '../../support/hostile'
import { checkScripts, runBash } from '../../support/shell'

const dir = mkdtempSync(join(tmpdir(), 'certbot-script-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A certificate the way openssl makes one, for the stand-in certbot to "issue". */
const certFile = join(dir, 'issued.pem')
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '90',
    '-subj',
    '/CN=example.org',
    '-keyout',
    join(dir, 'issued.key'),
    '-out',
    certFile,
  ],
  { stdio: 'ignore' },
)

/**
 * Stands in for certbot on the test machine: keeps its arguments (NUL-separated), and either
 * fails with a message or puts the certificate into the lineage it was asked for.
 */
function stubCertbot(folder: string, succeed: boolean): string {
  mkdirSync(folder, { recursive: true })
  const path = join(folder, 'certbot')
  const body = succeed
    ? [
        'while [ $# -gt 0 ]; do',
        '  case "$1" in --config-dir) cfg=$2; shift;; --cert-name) name=$2; shift;; esac',
        '  shift',
        'done',
        'mkdir -p "$cfg/live/$name"',
        `cp ${shellQuote(certFile)} "$cfg/live/$name/cert.pem"`,
      ]
    : ["echo 'Challenge failed for domain example.org: 404' >&2", 'exit 1']
  writeFileSync(
    path,
    ['#!/bin/bash', `printf '%s\\0' "$@" > ${shellQuote(join(folder, 'args'))}`, ...body, ''].join(
      '\n',
    ),
  )
  chmodSync(path, 0o755)
  return path
}

function scriptFor(certificate: CertificateObject, action: 'save' | 'delete' = 'save') {
  const block = new Commands()
  certbotWebrootBackend.actions[action]!(block, certificate, { id: 1, name: 'web1', address: '' })
  return composeScript({
    title: 'test',
    head: new Commands(),
    blocks: [{ label: `${action} certificate #${certificate.id}`, commands: block }],
    tail: new Commands(),
  }).text
}

/** Text a file name (or any byte string) can carry: no lone surrogate, at most 40 characters. */
const bytesSafe = (text: string) =>
  [...text]
    .filter((char) => !/^[\uD800-\uDFFF]$/.test(char))
    .slice(0, 40)
    .join('')
const oneLevel = (text: string) => bytesSafe(text).replace(/\//g, '_')

describe('certbot-webroot script', () => {
  it('hands every value to certbot as one argument whatever it holds, running nothing else', () => {
    let run = 0
    fc.assert(
      fc.property(
        hostileString(join(dir, 'c')),
        hostileString(join(dir, 'c')),
        hostileString(join(dir, 'c')),
        fc.boolean(),
        (name, rawEmail, folder, succeed) => {
          run++
          const email = bytesSafe(rawEmail)
          const base = join(dir, `run${run}`, `it's "${oneLevel(folder)}" $(x)`)
          const webroot = join(base, 'web root')
          mkdirSync(webroot, { recursive: true })
          const certbot = stubCertbot(join(base, 'bin'), succeed)
          const certificate: CertificateObject = {
            id: 7,
            websiteId: 1,
            websiteName: 'main',
            accountUsername: 'ana',
            names: [`x${oneLevel(name)}`, 'www.example.org'],
            status: 'pending',
            certName: `x${oneLevel(name)}`,
            lineage: join(base, 'config dir', 'live', `x${oneLevel(name)}`),
            webroot,
            email,
            certbot,
            configDir: join(base, 'config dir'),
            directory: 'https://127.0.0.1:14000/dir',
            caBundle: join(base, 'ca bundle.pem'),
          }
          const result = runBash(scriptFor(certificate))
          const args = readFileSync(join(base, 'bin', 'args'), 'utf8')
            .split('\0')
            .slice(0, -1)
          expect(args).toContain(certificate.certName)
          expect(
            args.slice(args.indexOf('--webroot-path'), args.indexOf('--webroot-path') + 2),
          ).toEqual(['--webroot-path', webroot])
          if (email) expect(args[args.indexOf('--email') + 1]).toBe(email)
          else expect(args).toContain('--register-unsafely-without-email')
          expect(args.slice(-4)).toEqual(['-d', certificate.names[0], '-d', 'www.example.org'])
          const outcome = parseCertificateOutput(result.stdout.toString('utf8'), 7)
          if (succeed) {
            expect(result.status).toBe(0)
            if (!/[\n\r]/.test(certificate.lineage)) {
              expect(outcome).toMatchObject({ kind: 'issued', lineage: certificate.lineage })
            }
          } else {
            expect(result.status).not.toBe(0)
            expect(outcome).toEqual({
              kind: 'failed',
              error: 'Challenge failed for domain example.org: 404',
            })
          }
          expect(readdirSync(dir).filter((file) => file.includes('pwned'))).toEqual([])
        },
      ),
      { numRuns: 30 },
    )
    for (const canary of canaries(join(dir, 'c'))) expect(existsSync(canary)).toBe(false)
  })

  it('passes shellcheck for issuing, renewing and deleting, hostile values included', () => {
    const hostile = `a'b"c $(id) \`x\` #d\ne`
    const certificate: CertificateObject = {
      id: 3,
      websiteId: 1,
      websiteName: hostile,
      accountUsername: 'ana',
      names: ['example.org'],
      status: 'renewing',
      certName: 'example.org',
      lineage: `/etc/letsencrypt/live/${hostile}`,
      webroot: `/home/ana/webapps/${hostile}`,
      email: hostile,
      certbot: '/usr/bin/certbot',
      configDir: '/etc/letsencrypt',
      directory: 'https://acme.example/dir',
      caBundle: '',
    }
    const renew = scriptFor(certificate)
    expect(renew).toContain('--force-renewal')
    expect(renew).not.toContain('REQUESTS_CA_BUNDLE')
    const issue = scriptFor({ ...certificate, status: 'pending' })
    expect(issue).toContain('--keep-until-expiring')
    const refused = scriptFor({ ...certificate, webroot: null })
    expect(refused).not.toContain('certbot')
    expect(
      checkScripts(dir, { renew, issue, refused, remove: scriptFor(certificate, 'delete') }),
    ).toEqual([])
  })

  it('refuses a website without a web app at "/" on the server too, saying why', () => {
    const result = runBash(
      scriptFor({
        id: 4,
        websiteId: 1,
        websiteName: 'main',
        accountUsername: 'ana',
        names: ['example.org'],
        status: 'pending',
        certName: 'example.org',
        lineage: '/nonexistent/live/example.org',
        webroot: null,
        email: '',
        certbot: '/bin/false',
        configDir: '/nonexistent',
        directory: 'https://acme.example/dir',
        caBundle: '',
      }),
    )
    expect(result.status).not.toBe(0)
    expect(parseCertificateOutput(result.stdout.toString('utf8'), 4)).toEqual({
      kind: 'failed',
      error: expect.stringMatching(/No web app is mounted at "\/"/),
    })
  })
})

describe('what the script prints, read back', () => {
  it("reads openssl's dates as UTC instants", () => {
    expect(parseOpensslDate('Dec  4 07:02:28 2026 GMT')).toBe('2026-12-04T07:02:28.000Z')
    expect(parseOpensslDate('Feb 29 23:59:59 2028 GMT')).toBe('2028-02-29T23:59:59.000Z')
    expect(parseOpensslDate('Dec  4 07:02:28 2026')).toBeUndefined()
    expect(parseOpensslDate('Foo  4 07:02:28 2026 GMT')).toBeUndefined()
  })

  it('takes only its own certificate from a script of several, and refuses a garbled one', () => {
    const stdout = [
      '<orchestra-certificate id=1>',
      'lineage=/etc/letsencrypt/live/a.org',
      'notBefore=Dec  4 07:02:28 2026 GMT',
      'notAfter=Mar  4 07:02:27 2027 GMT',
      'serial=0A1B',
      '</orchestra-certificate>',
      '<orchestra-certificate id=11>',
      'lineage=/etc/letsencrypt/live/b.org',
      'notBefore=soon',
      '</orchestra-certificate>',
      '',
    ].join('\n')
    expect(parseCertificateOutput(stdout, 1)).toEqual({
      kind: 'issued',
      lineage: '/etc/letsencrypt/live/a.org',
      notBefore: '2026-12-04T07:02:28.000Z',
      notAfter: '2027-03-04T07:02:27.000Z',
      serial: '0A1B',
    })
    expect(parseCertificateOutput(stdout, 11)?.kind).toBe('failed')
    expect(parseCertificateOutput(stdout, 2)).toBeUndefined()
  })
})

describe('certificate names and settings', () => {
  it('covers one label under a wildcard, never more and never the parent (spec 15.3)', () => {
    expect(coveredByWildcard('x.a.org', '*.a.org')).toBe(true)
    expect(coveredByWildcard('y.x.a.org', '*.a.org')).toBe(false)
    expect(coveredByWildcard('a.org', '*.a.org')).toBe(false)
    expect(coveredByWildcard('xa.org', '*.a.org')).toBe(false)
  })

  it('takes names as typed, in their ASCII form, and refuses what HTTP-01 cannot prove', () => {
    expect(certificateNameSchema.parse(' WWW.Example.ORG ')).toBe('www.example.org')
    expect(certificateNameSchema.parse('café.example')).toBe('xn--caf-dma.example')
    for (const bad of ['*.example.org', '_sip.example.org', 'a..b.org', 'org', 'a b.org']) {
      expect(certificateNameSchema.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('refuses settings that would reach certbot wrongly', () => {
    const url = SETTINGS.CERTIFICATES_ACME_DIRECTORY.schema
    expect(url.safeParse('https://acme-staging-v02.api.letsencrypt.org/directory').success).toBe(
      true,
    )
    for (const bad of [
      'http://acme.example/dir',
      'https://u:p@acme.example/',
      'acme',
      'https://a b/',
    ]) {
      expect(url.safeParse(bad).success, bad).toBe(false)
    }
    const path = SETTINGS.CERTIFICATES_CONFIG_DIR.schema
    for (const bad of ['etc/letsencrypt', '/etc/../root', '/etc/lets encrypt', "/etc/l'e"]) {
      expect(path.safeParse(bad).success, bad).toBe(false)
    }
    expect(SETTINGS.CERTIFICATES_RENEW_DAYS.schema.safeParse(0).success).toBe(false)
    expect(SETTINGS.CERTIFICATES_EMAIL.schema.safeParse('').success).toBe(true)
  })
})
