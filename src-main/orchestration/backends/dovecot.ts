import { eq } from 'drizzle-orm'
import type { MailAddressRow } from '../../../src-shared/schemas/mail'
import { Secret, sh, ShellText } from '../../core/escape'
import { addressRows, forwardTokens, getAddressRecord } from '../../data/mail'
import { loadMailboxObjects, type MailboxObject } from '../../data/mail-objects'
import { mailAddressMailboxes, mailboxes } from '../../db/schema'
import {
  DOVECOT_DIR,
  DOVECOT_PASSWD,
  DOVECOT_SNIPPET,
  renderDovecotSnippet,
  SIEVE_SCRIPT,
} from '../../mail/configs'
import { renderPasswdFile } from '../../mail/passwd-file'
import { fileintoFolders, renderSieve } from '../../mail/sieve'
import { defineBackend, type RelatedModel } from '../backend'
import type { Commands } from '../script'
import { dropReloadFlag, makeReloadFlag, RELOAD_FLAG, replaceIfChanged } from './mail-files'

interface DovecotFiles {
  /** Every mailbox routed to the server, with its hash: sent as a secret, never stored. */
  passwd: string
  snippet: string
}

/**
 * An address's autoresponse lives in the Sieve script of each mailbox it delivers to, so an
 * address change saves those mailboxes again (a deleted address's come from its snapshot).
 */
const related: RelatedModel[] = [
  {
    model: 'mailAddress',
    async owners(tx, addressId, snapshot) {
      const known = snapshot as MailAddressRow | undefined
      const row = known ?? (await addressRows(tx, [await getAddressRecord(tx, addressId)]))[0]
      if (!row) return []
      const linked = known
        ? known.mailboxes.map((m) => m.id)
        : (
            await tx
              .select({ id: mailAddressMailboxes.mailboxId })
              .from(mailAddressMailboxes)
              .where(eq(mailAddressMailboxes.addressId, addressId))
          ).map((r) => r.id)
      const named = []
      for (const token of forwardTokens(row.forward).filter((t) => !t.includes('@'))) {
        const [mailbox] = await tx
          .select({ id: mailboxes.id })
          .from(mailboxes)
          .where(eq(mailboxes.name, token))
        if (mailbox) named.push(mailbox.id)
      }
      return [...new Set([...linked, ...named])]
    },
  },
]

/** Hands paths to the vmail ids: Dovecot delivers and reads as that user. */
const own = (mailbox: MailboxObject, ...paths: string[]) =>
  sh`chown ${`${mailbox.uid}:${mailbox.gid}`} ${paths}`

function saveMailbox(out: Commands, mailbox: MailboxObject) {
  const { home } = mailbox
  const maildir = `${home}/Maildir`
  const dirs = [home, maildir, ...['cur', 'new', 'tmp'].map((d) => `${maildir}/${d}`)]
  out.run(sh`install -d -m 0700 ${dirs} ${`${home}/sieve`}`)
  out.run(own(mailbox, ...dirs, `${home}/sieve`))

  const script = renderSieve(mailbox)
  // Spec 14.29: the folders a script files into exist and are subscribed before mail comes.
  for (const folder of fileintoFolders(script)) {
    const path = `${maildir}/.${folder}`
    const folderDirs = [path, ...['cur', 'new', 'tmp'].map((d) => `${path}/${d}`)]
    out.run(sh`install -d -m 0700 ${folderDirs}`)
    out.run(own(mailbox, ...folderDirs))
    const subscriptions = `${maildir}/subscriptions`
    const subscribed = sh`grep -qxF -- ${folder} ${subscriptions} 2>/dev/null`
    out.run(sh`${subscribed} || printf '%s\n' ${folder} >> ${subscriptions}`)
    out.run(own(mailbox, subscriptions))
  }

  const sieve = `${home}/${SIEVE_SCRIPT}`
  const binary = sieve.replace(/\.sieve$/, '.svbin')
  replaceIfChanged(out, sieve, script, { mode: '0600' })
  // Compiled every time: the binary must match the script and this server's Pigeonhole.
  out.run(sh`if [ -s ${sieve} ]; then sievec ${sieve} ${binary}; else rm -f ${binary}; fi`)
  out.run(sh`chown ${`${mailbox.uid}:${mailbox.gid}`} ${sieve}`)
  out.run(sh`[ ! -e ${binary} ] || chown ${`${mailbox.uid}:${mailbox.gid}`} ${binary}`)
}

/** The folder is moved aside (MAILBOXES_MOVE_ON_DELETE_PATH) or removed; a repeat is harmless. */
function deleteMailbox(out: Commands, mailbox: MailboxObject) {
  const { home, archivePath } = mailbox
  if (!archivePath) {
    out.run(sh`rm -rf -- ${home}`)
    return
  }
  out.run(sh`install -d -m 0700 ${archivePath}`)
  const target = `${archivePath}/${mailbox.name}`
  out.run(
    sh`if [ -e ${home} ]; then
  target=${target}
  while [ -e "$target" ]; do target="$target.old"; done
  mv -- ${home} "$target"
fi`,
  )
}

function commit(out: Commands, _server: unknown, files: DovecotFiles) {
  out.run(sh`install -d -m 0755 ${DOVECOT_DIR} /etc/dovecot/conf.d`)
  makeReloadFlag(out)
  replaceIfChanged(out, DOVECOT_PASSWD, new Secret(files.passwd), { mode: '0640' })
  // Dovecot's auth process reads the file as its own group, nobody else may.
  out.run(sh`if getent group dovecot >/dev/null; then chgrp dovecot ${DOVECOT_PASSWD}; fi`)
  replaceIfChanged(out, DOVECOT_SNIPPET, files.snippet, { after: [RELOAD_FLAG] })
  out.run(
    new ShellText(
      [
        'if [ -e "$reload_flag" ]; then',
        '  if doveadm service status >/dev/null 2>&1; then doveadm reload',
        '  else echo "Dovecot is not running here: reload skipped" >&2; fi',
        'fi',
      ].join('\n'),
    ),
  )
  dropReloadFlag(out)
}

/**
 * Virtual mailboxes (spec 2.5, adapted): one passwd-file written whole (an inactive mailbox's
 * hash is locked with `!`, see mail/passwd-file.ts), each maildir owned by the vmail ids, and
 * the Sieve script compiled on the server.
 * TODO(#7): quota from a disk allocation (maildirsize, 14.28) waits for billing's resources.
 * TODO(#5): the passwd-file travels as a secret, so a failed log cannot be retried as stored;
 * `orchestrate` (or any save) sends the file again. Two workstations on one database may run
 * their scripts out of order and the older whole file would win until the next save.
 */
export const dovecotMailboxBackend = defineBackend<MailboxObject, DovecotFiles>({
  id: 'dovecot-mailbox',
  label: 'Dovecot virtual mailboxes',
  description:
    `Keeps ${DOVECOT_PASSWD} whole, each mailbox's maildir under MAILBOXES_HOME_BASE ` +
    `and its Sieve script in ~/${SIEVE_SCRIPT}, compiled with sievec.`,
  model: 'mailbox',
  related,
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'true',
  docSettings: ['MAILBOXES_HOME_BASE', 'MAILBOXES_VMAIL_UID', 'MAILBOXES_VMAIL_GID'],
  executable: '/bin/bash',
  timeoutMs: 120_000,
  async load(tx, id) {
    const [loaded] = await loadMailboxObjects(tx, [id])
    return loaded?.object
  },
  repr: (mailbox) => mailbox.name,
  matchFields: { id: 'int', name: 'string', accountId: 'int', isActive: 'bool' },
  matchValues: (mailbox) => ({
    id: mailbox.id,
    name: mailbox.name,
    accountId: mailbox.accountId,
    isActive: mailbox.active,
  }),
  async loadShared(tx, routed) {
    const loaded = (await loadMailboxObjects(tx)).filter(({ object }) => routed(object))
    const [first] = loaded
    const users = loaded.map(({ object, passwordHash }) => ({
      name: object.name,
      passwordHash,
      active: object.active,
      home: object.home,
    }))
    const ids = first ? first.object : { uid: 0, gid: 0 }
    return { passwd: renderPasswdFile(users, ids), snippet: renderDovecotSnippet() }
  },
  actions: { save: saveMailbox, delete: deleteMailbox },
  commit,
})
