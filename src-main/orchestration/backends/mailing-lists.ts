import type { AnyBackend } from '../backend'

/** Mailing lists (spec 7): the area's backends. */
export const MAILING_LIST_BACKENDS: readonly AnyBackend[] = []
