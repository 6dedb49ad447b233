import type { AnyBackend } from '../backend'

/** The backends of Postfix and Dovecot (spec 2). */
export const MAIL_BACKENDS: readonly AnyBackend[] = []
