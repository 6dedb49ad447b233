export { accounts } from './accounts'
export { contacts } from './contacts'
export { historyEntries } from './history'
export { settings } from './settings'
export { backendLogs, backendOperations, routes, servers, sshKeys } from './orchestration'
export { domainRecords, domains } from './domains'
export { systemUserGroups, systemUsers } from './system-users'
export { mailAddresses, mailAddressMailboxes, mailboxes } from './mail'
export { sqlDatabases, sqlGrants, sqlUsers } from './sql-databases'
export {
  certificates,
  webappOptions,
  webapps,
  websiteContents,
  websiteDirectives,
  websiteDomains,
  websites,
} from './web'
export { mailingLists, miscellaneous, miscServices, saasTenants, vps } from './other-services'
export { contractedPlans, metricRows, orders, plans, rates, services } from './billing'
export { billContacts, billLines, billSequences, bills, billSublines } from './bills'
export { paymentProcesses, paymentSources, transactions } from './payments'
export { periodicTaskRuns } from './periodic-tasks'
