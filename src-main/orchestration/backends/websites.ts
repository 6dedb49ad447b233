import type { AnyBackend } from '../backend'

/** Websites (spec 6): the area's backends. */
export const WEBSITE_BACKENDS: readonly AnyBackend[] = []
