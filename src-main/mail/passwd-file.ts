import { passwdFileField } from '../core/escape'

export interface PasswdUser {
  name: string
  /** SHA-512 crypt (`$6$…`), or empty when no password was ever set. */
  passwordHash: string
  /** Own flag and the account's. */
  active: boolean
  home: string
}

/**
 * The `!` before the hash makes it a crypt that no password produces, so an inactive mailbox
 * (or one without a password) cannot log in while its mail is still delivered, and enabling it
 * again restores exactly the hash it had (spec 14.27, for virtual users).
 */
export function passwdField(user: Pick<PasswdUser, 'passwordHash' | 'active'>): string {
  const locked = !user.active || !user.passwordHash
  return `{SHA512-CRYPT}${locked ? '!' : ''}${user.passwordHash}`
}

/**
 * Dovecot's passwd-file, whole: `user:password:uid:gid:gecos:home:shell:extra`, one line per
 * mailbox, sorted by name so that the same mailboxes always give the same bytes.
 */
export function renderPasswdFile(
  users: readonly PasswdUser[],
  ids: { uid: number; gid: number },
): string {
  const lines = [...users]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((user) =>
      [user.name, passwdField(user), ids.uid, ids.gid, '', user.home, '', '']
        .map(passwdFileField)
        .join(':'),
    )
  return lines.length ? `${lines.join('\n')}\n` : ''
}
