/**
 * A website's certificate on its page: names, expiry, issue and renew.
 * TODO(#6): filled in with certificate issuing.
 */
export function WebsiteCertificateCard(_props: { websiteId: number }) {
  return null
}
