import { miscellaneousName } from '../../src-shared/schemas/other-services'
import type { AccountServiceProvider } from './account-services'
import { accountMiscellaneous } from './misc'
import { deleteAccountMiscellaneous } from './misc-writes'
import { accountVps } from './vps'
import { deleteAccountVps, resaveAccountVps } from './vps-writes'

/** An account's VPS (spec 9): saved again when the account's flag flips. */
export const otherServiceServices: AccountServiceProvider = {
  kind: 'vps',
  async listForAccount(tx, accountId) {
    const rows = await accountVps(tx, accountId)
    return rows.map((row) => ({
      kind: 'vps',
      id: row.id,
      name: row.hostname,
      isActive: row.isActive,
    }))
  },
  onAccountActiveChanged: resaveAccountVps,
  onAccountDeleting: deleteAccountVps,
}

/**
 * An account's miscellaneous services (spec 10). They run on no server, so an account's flag
 * changes nothing to tell; their own flag counts with their service's.
 */
export const miscellaneousServices: AccountServiceProvider = {
  kind: 'miscellaneous',
  async listForAccount(tx, accountId) {
    const rows = await accountMiscellaneous(tx, accountId)
    return rows.map(({ item, serviceName, active }) => ({
      kind: 'miscellaneous',
      id: item.id,
      name: miscellaneousName({ id: item.id, identifier: item.identifier ?? '' }, serviceName),
      isActive: item.isActive && active,
    }))
  },
  onAccountDeleting: deleteAccountMiscellaneous,
  // TODO(#7): billed instances may have to block an account's deletion until they are billed.
}
