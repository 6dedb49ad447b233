import type { AnyBackend } from '../backend'
import { dovecotMailboxBackend } from './dovecot'
import { postfixVirtualBackend } from './postfix'

/** The backends of Postfix and Dovecot (spec 2). */
export const MAIL_BACKENDS: readonly AnyBackend[] = [postfixVirtualBackend, dovecotMailboxBackend]
