import type { AnyBackend } from '../backend'

/** Web apps (spec 5): the area's backends. */
export const WEBAPP_BACKENDS: readonly AnyBackend[] = []
