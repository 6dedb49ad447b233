import { z } from 'zod'
import { singleLineText } from './common'
import { MAIL_FILTERINGS } from './mail'

/** An absolute path of safe characters: it reaches configuration files and scripts. */
const absolutePath = singleLineText(200).regex(/^\/[A-Za-z0-9._/-]*$/, {
  message: 'must be an absolute path of letters, digits, ".", "_", "-" and "/"',
})
// Coerced: the settings page sends what was typed, as text.
const systemId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1)

/**
 * Spec 2.4, for virtual mailboxes: Dovecot reads one passwd-file, every maildir belongs to one
 * vmail user, and Postfix delivers through maps written whole in a folder of its own.
 */
export const MAIL_SETTINGS = {
  MAILBOXES_LOCAL_DOMAIN: {
    group: 'MAILBOXES',
    help:
      'The domain every mailbox gets an address on (name@domain); empty creates none. ' +
      "Postfix's myorigin must be this domain: bare mailbox names in the alias map resolve there.",
    schema: singleLineText(253)
      .toLowerCase()
      .regex(/^$|^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, {
        message: 'is not a domain',
      }),
    default: 'orchestra.lan',
  },
  MAILBOXES_HOME_BASE: {
    group: 'MAILBOXES',
    help: 'Where the mailboxes live on the mail server: <base>/<name> holds Maildir and sieve.',
    schema: absolutePath.refine((path) => path.length > 1, { message: 'may not be /' }),
    default: '/var/vmail',
  },
  MAILBOXES_VMAIL_UID: {
    group: 'MAILBOXES',
    help: 'The user id that owns every maildir on the mail server.',
    schema: systemId,
    default: 5000,
  },
  MAILBOXES_VMAIL_GID: {
    group: 'MAILBOXES',
    help: 'The group id of every maildir on the mail server.',
    schema: systemId,
    default: 5000,
  },
  MAILBOXES_MAILBOX_DEFAULT_FILTERING: {
    group: 'MAILBOXES',
    help: 'The filtering a new mailbox gets when none is chosen.',
    schema: z.enum(MAIL_FILTERINGS),
    default: 'REDIRECT',
  },
  MAILBOXES_SPAM_SCORE_HEADER: {
    group: 'MAILBOXES',
    help: 'The header the spam filter writes its numeric score into.',
    schema: singleLineText(64).regex(/^[A-Za-z0-9-]+$/, { message: 'is not a header name' }),
    default: 'X-Spam-Score',
  },
  MAILBOXES_MOVE_ON_DELETE_PATH: {
    group: 'MAILBOXES',
    help: "Where a deleted mailbox's folder is moved; empty deletes it.",
    schema: z.union([z.literal(''), absolutePath]),
    default: '',
  },
} as const
