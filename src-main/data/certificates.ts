import type { Tx } from '../db/store'

/** The files of a website's issued certificate on its web server, for the TLS virtual host. */
export interface IssuedCertificate {
  certificateId: number
  /** The folder holding cert.pem, chain.pem, fullchain.pem and privkey.pem. */
  lineage: string
  notAfter: string | null
}

/**
 * The certificate a website serves, when one was issued; null otherwise.
 * TODO(#6): read the certificates table once issuing lands.
 */
export async function certificateForWebsite(
  _tx: Tx,
  _websiteId: number,
): Promise<IssuedCertificate | null> {
  return null
}
