import { eq } from 'drizzle-orm'
import type { CertificateStatus } from '../../../src-shared/schemas/certificates'
import { sh, ShellText } from '../../core/escape'
import { splitNames, webrootOfWebsite, websiteForCertificate } from '../../data/certificates'
import { settingValue } from '../../data/settings'
import { certificates } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineBackend, type AnyBackend } from '../backend'
import type { Commands } from '../script'

/** What the web server needs to issue, renew or drop one website's certificate. */
export interface CertificateObject {
  id: number
  websiteId: number
  websiteName: string
  accountUsername: string
  names: string[]
  status: CertificateStatus
  /** The lineage's name: its folder under live/ and its renewal file. Kept once issued. */
  certName: string
  /** `<config dir>/live/<certName>`. */
  lineage: string
  /** The document root of the web app at "/"; null when there is none (refused). */
  webroot: string | null
  email: string
  certbot: string
  configDir: string
  directory: string
  caBundle: string
}

/**
 * What the script prints of each certificate on its standard output, parsed back by the panel
 * (data/certificate-outcomes.ts): `lineage=`, then openssl's `notBefore=`, `notAfter=` and
 * `serial=` lines, or the tool's output when it failed.
 */
export const ISSUED_OPEN = (id: number) => `<orchestra-certificate id=${id}>`
export const ISSUED_CLOSE = '</orchestra-certificate>'
export const FAILED_OPEN = (id: number) => `<orchestra-certificate-error id=${id}>`
export const FAILED_CLOSE = '</orchestra-certificate-error>'

const lastSegment = (path: string) => path.split('/').filter(Boolean).pop() ?? ''

export async function loadCertificateObject(
  tx: Tx,
  id: number,
): Promise<CertificateObject | undefined> {
  const [row] = await tx.select().from(certificates).where(eq(certificates.id, id))
  if (!row) return undefined
  const website = await websiteForCertificate(tx, row.websiteId)
  if (!website) return undefined
  const names = splitNames(row.names)
  const configDir = await settingValue(tx, 'CERTIFICATES_CONFIG_DIR')
  const certName = (row.lineage && lastSegment(row.lineage)) || names[0] || `website-${website.id}`
  return {
    id: row.id,
    websiteId: website.id,
    websiteName: website.name,
    accountUsername: website.accountUsername,
    names,
    status: row.status as CertificateStatus,
    certName,
    lineage: `${configDir}/live/${certName}`,
    webroot: await webrootOfWebsite(tx, website.id),
    email: (await settingValue(tx, 'CERTIFICATES_EMAIL')) || website.accountEmail,
    certbot: await settingValue(tx, 'CERTIFICATES_CERTBOT_PATH'),
    configDir,
    directory: await settingValue(tx, 'CERTIFICATES_ACME_DIRECTORY'),
    caBundle: await settingValue(tx, 'CERTIFICATES_CA_BUNDLE'),
  }
}

/**
 * How certbot treats an existing lineage: a renewal asks for a new certificate whatever the
 * old one's dates; a first issue (or a change of names) and a plain re-send keep a
 * certificate that is not due, so sending everything again does not spend the ACME limits.
 */
function renewalFlag(status: CertificateStatus): string {
  return status === 'renewing' ? '--force-renewal' : '--keep-until-expiring'
}

function fail(out: Commands, certificate: CertificateObject, message: string) {
  out.run(sh`printf '%s\\n%s\\n%s\\n' ${FAILED_OPEN(certificate.id)} ${message} ${FAILED_CLOSE}`)
  out.run(sh`exit 1`)
}

function issue(out: Commands, certificate: CertificateObject) {
  const { webroot } = certificate
  if (!webroot) {
    fail(out, certificate, 'No web app is mounted at "/" on the website: nothing to answer ACME')
    return
  }
  if (!certificate.names.length) {
    fail(out, certificate, 'The certificate names no domain')
    return
  }
  const missing = `The folder ${webroot} of the web app at "/" does not exist on this server`
  out.run(sh`if [ ! -d ${webroot} ]; then printf '%s\\n' ${missing} >&2; fi`)
  out.run(sh`[ -d ${webroot} ]`)
  const args = [
    'certonly',
    '--non-interactive',
    '--agree-tos',
    '--no-eff-email',
    renewalFlag(certificate.status),
    '--config-dir',
    certificate.configDir,
    '--server',
    certificate.directory,
    '--cert-name',
    certificate.certName,
    '--webroot',
    '--webroot-path',
    webroot,
    ...(certificate.email ? ['--email', certificate.email] : ['--register-unsafely-without-email']),
    ...certificate.names.flatMap((name) => ['-d', name]),
  ]
  // A private ACME server's CA, for certbot's HTTP client (python-requests). Exported in the
  // block's own subshell: `env NAME=value <program>` would take a program path holding `=`
  // for one more variable.
  if (certificate.caBundle) out.run(sh`export REQUESTS_CA_BUNDLE=${certificate.caBundle}`)
  out.run(sh`status=0`)
  out.run(sh`output=$(${certificate.certbot} ${args} 2>&1) || status=$?`)
  out.run(new ShellText(`printf '%s\\n' "$output" >&2`))
  const opened = FAILED_OPEN(certificate.id)
  out.run(sh`if [ "$status" -ne 0 ]; then printf '%s\\n' ${opened} "$output" ${FAILED_CLOSE}; fi`)
  out.run(sh`if [ "$status" -ne 0 ]; then exit "$status"; fi`)
  // certbot removes its challenge files; the folders it made for them go if left empty.
  out.run(sh`rmdir ${`${webroot}/.well-known/acme-challenge`} 2>/dev/null || true`)
  out.run(sh`rmdir ${`${webroot}/.well-known`} 2>/dev/null || true`)
  const cert = `${certificate.lineage}/cert.pem`
  out.run(sh`printf '%s\\n' ${ISSUED_OPEN(certificate.id)} ${`lineage=${certificate.lineage}`}`)
  out.run(sh`openssl x509 -in ${cert} -noout -startdate -enddate -serial`)
  out.run(sh`printf '%s\\n' ${ISSUED_CLOSE}`)
}

/** Drops the lineage (its files and renewal configuration); nothing is revoked. */
function remove(out: Commands, certificate: CertificateObject) {
  const renewal = `${certificate.configDir}/renewal/${certificate.certName}.conf`
  const args = [
    'delete',
    '--non-interactive',
    '--config-dir',
    certificate.configDir,
    '--cert-name',
    certificate.certName,
  ]
  out.run(sh`if [ -e ${renewal} ]; then ${certificate.certbot} ${args}; fi`)
}

/**
 * Spec 11 with certbot: one `certonly --webroot` per website (not one certificate for every
 * selected site, spec 15.3), answering the HTTP-01 challenge from the folder of the web app
 * at "/". The lineage keeps its name once issued, so the TLS virtual host's paths stay put.
 * TODO(#6): HTTP-01 only, so no wildcard names; a wildcard certificate needs DNS-01 through
 * the panel's own zones, which is not written.
 */
export const certbotWebrootBackend = defineBackend<CertificateObject>({
  id: 'certbot-webroot',
  label: "Let's Encrypt (certbot, webroot)",
  description:
    'Issues and renews a website\'s certificate with "certbot certonly --webroot" in the ' +
    'folder of the web app at "/", and deletes its lineage when the certificate goes.',
  model: 'certificate',
  declaredActions: ['save', 'delete'],
  // Storing what was issued must not issue again.
  ignoreFields: ['status', 'lineage', 'notBefore', 'notAfter', 'lastError'],
  defaultRouteMatch: 'true',
  docSettings: [
    'CERTIFICATES_CERTBOT_PATH',
    'CERTIFICATES_CONFIG_DIR',
    'CERTIFICATES_ACME_DIRECTORY',
    'CERTIFICATES_CA_BUNDLE',
    'CERTIFICATES_EMAIL',
  ],
  executable: '/bin/bash',
  // An ACME order waits for the challenge to be checked: minutes, not seconds.
  timeoutMs: 600_000,
  load: loadCertificateObject,
  repr: (certificate) => `${certificate.certName} (${certificate.websiteName})`,
  matchFields: { id: 'int', name: 'string', website: 'string', account: 'string' },
  matchValues: (certificate) => ({
    id: certificate.id,
    name: certificate.certName,
    website: certificate.websiteName,
    account: certificate.accountUsername,
  }),
  actions: { save: issue, delete: remove },
})

/** Let's Encrypt certificates (spec 11): the area's backends. */
export const CERTIFICATE_BACKENDS: readonly AnyBackend[] = [certbotWebrootBackend]
