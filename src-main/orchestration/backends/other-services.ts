import type { AnyBackend } from '../backend'
import { proxmoxBackend } from './proxmox'

/**
 * VPS and miscellaneous services (spec 9 and 10): the area's backends. Miscellaneous services
 * have none: they are billing-only items (spec 10).
 */
export const OTHER_SERVICE_BACKENDS: readonly AnyBackend[] = [proxmoxBackend]
