import type { AnyBackend } from '../backend'

/** VPS and miscellaneous services (spec 9 and 10): the area's backends. */
export const OTHER_SERVICE_BACKENDS: readonly AnyBackend[] = []
