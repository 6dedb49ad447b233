import type { Page } from '../../schemas/common'
import {
  certificateForWebsiteSchema,
  certificateIssueSchema,
  certificateListSchema,
  certificateRenewSchema,
  type CertificateDetail,
  type CertificateRow,
  type RenewalReport,
  type WebsiteCertificate,
} from '../../schemas/certificates'
import { action, byId, read, write } from '../define'

/** Let's Encrypt certificates (spec 11): channels `certificates:*`. */
export const certificateChannels = {
  'certificates:list': read<Page<CertificateRow>>()(certificateListSchema),
  'certificates:get': read<CertificateDetail>()(byId),
  /** A website's certificate, the names it may have, and why it cannot be issued now. */
  'certificates:forWebsite': read<WebsiteCertificate>()(certificateForWebsiteSchema),
  /** Issues a website's certificate over ACME and waits for the servers' answer. */
  'certificates:issue': action<CertificateDetail>()(certificateIssueSchema),
  /** Renews the certificates due (or those named); a dry run only lists them. */
  'certificates:renew': action<RenewalReport>()(certificateRenewSchema),
  /** Deletes the certificate and its lineage on the server; nothing is revoked. */
  'certificates:delete': write<{ deleted: number }>()(byId),
} as const
