export { accounts } from './accounts'
export { contacts } from './contacts'
export { historyEntries } from './history'
export { settings } from './settings'
