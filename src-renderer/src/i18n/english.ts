import base from './en.json'
import certificates from './areas-en/certificates.json'
import mailingLists from './areas-en/mailing-lists.json'
import otherServices from './areas-en/other-services.json'
import webapps from './areas-en/webapps.json'
import websites from './areas-en/websites.json'
import saas from './areas-en/saas.json'
import billing from './areas-en/billing.json'
import bills from './areas-en/bills.json'
import billReports from './areas-en/bill-reports.json'
import payments from './areas-en/payments.json'

/**
 * The English strings: the shared ones in en.json, and one file per service area in areas-en,
 * each under its own key so that areas are translated (and reviewed) apart.
 */
export const english = {
  ...base,
  webapps,
  websites,
  certificates,
  mailingLists,
  otherServices,
  saas,
  billing,
  bills,
  billReports,
  payments,
}
