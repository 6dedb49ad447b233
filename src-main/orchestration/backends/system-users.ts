import type { AnyBackend } from '../backend'
import { unixUserBackend } from './unix-users'

/** The backends of UNIX users (spec 3). */
export const SYSTEM_USER_BACKENDS: readonly AnyBackend[] = [unixUserBackend]
