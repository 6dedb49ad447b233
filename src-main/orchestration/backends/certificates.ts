import type { AnyBackend } from '../backend'

/** Let's Encrypt certificates (spec 11): the area's backends. */
export const CERTIFICATE_BACKENDS: readonly AnyBackend[] = []
