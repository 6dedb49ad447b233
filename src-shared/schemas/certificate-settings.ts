import { z } from 'zod'
import { emailSchema, singleLineText } from './common'
import { hasDotSegment, SERVER_PATH } from './system-user-settings'

/** An absolute path on the web server, with nothing a shell or certbot could misread. */
function serverPath(max: number) {
  return singleLineText(max)
    .refine((path) => SERVER_PATH.test(path), {
      message: 'must be an absolute path of letters, digits and ._-~@%+=:,',
      params: { rule: 'path' },
    })
    .refine((path) => !hasDotSegment(path), {
      message: 'may not hold a . or .. segment',
      params: { rule: 'dot_segment' },
    })
}

/** An https:// address with no credentials, spaces or fragment. */
const directoryUrl = singleLineText(500).refine(
  (text) => {
    try {
      const url = new URL(text)
      return url.protocol === 'https:' && !url.username && !url.password && !/\s/.test(text)
    } catch {
      return false
    }
  },
  { message: 'must be an https:// address without credentials', params: { rule: 'https_url' } },
)

/**
 * Spec 11, with certbot (Debian's package) in place of the old letsencrypt-auto script. The
 * live path of the original is the `live` folder of the configuration folder.
 */
export const CERTIFICATE_SETTINGS = {
  CERTIFICATES_CERTBOT_PATH: {
    group: 'CERTIFICATES',
    help: 'The certbot program on the web servers.',
    schema: serverPath(200),
    default: '/usr/bin/certbot',
  },
  CERTIFICATES_CONFIG_DIR: {
    group: 'CERTIFICATES',
    help: "certbot's configuration folder on the web servers; lineages live in its live/ folder.",
    schema: serverPath(200),
    default: '/etc/letsencrypt',
  },
  CERTIFICATES_ACME_DIRECTORY: {
    group: 'CERTIFICATES',
    help: "The ACME directory certificates are asked from (Let's Encrypt's by default).",
    schema: directoryUrl,
    default: 'https://acme-v02.api.letsencrypt.org/directory',
  },
  CERTIFICATES_CA_BUNDLE: {
    group: 'CERTIFICATES',
    help:
      'A file of CA certificates on the web servers that certbot trusts for the ACME server ' +
      '(a private ACME server); empty trusts the system store.',
    schema: z.union([z.literal(''), serverPath(200)]),
    default: '',
  },
  CERTIFICATES_EMAIL: {
    group: 'CERTIFICATES',
    help: "The contact e-mail given to the ACME server; empty gives the website's account's.",
    schema: z.union([z.literal(''), emailSchema]),
    default: '',
  },
  CERTIFICATES_RENEW_DAYS: {
    group: 'CERTIFICATES',
    help: 'A certificate expiring within this many days is due for renewal.',
    schema: z.number().int().min(1).max(3650),
    default: 30,
  },
} as const
