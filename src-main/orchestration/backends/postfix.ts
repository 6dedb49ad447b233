import { eq } from 'drizzle-orm'
import { sh, ShellText } from '../../core/escape'
import { addressesOfMailbox } from '../../data/mail'
import { addressIdsOnDomain, loadAddressObjects, type AddressObject } from '../../data/mail-objects'
import { settingValue } from '../../data/settings'
import { mailboxes } from '../../db/schema'
import {
  POSTFIX_ALIASES,
  POSTFIX_DIR,
  POSTFIX_DOMAINS,
  POSTFIX_MAILBOXES,
  renderPostfixSnippet,
} from '../../mail/configs'
import { renderAliasMap, renderDomainList, renderMailboxMap } from '../../mail/postfix-maps'
import { defineBackend, type RelatedModel } from '../backend'
import type { Commands } from '../script'
import { dropReloadFlag, makeReloadFlag, RELOAD_FLAG, replaceIfChanged } from './mail-files'

/** The three files, rendered whole from every address routed to one server. */
interface PostfixFiles {
  aliases: string
  mailboxes: string
  domains: string
  snippet: string
}

/**
 * A mailbox change concerns its addresses (spec 2.5): the mailbox map and the implicit rule
 * depend on it. A domain's MX records decide whether Postfix accepts the domain (14.30).
 */
const related: RelatedModel[] = [
  {
    model: 'mailbox',
    async owners(tx, mailboxId, snapshot) {
      const known = snapshot as { id: number; name: string } | undefined
      const [row] = await tx
        .select({ id: mailboxes.id, name: mailboxes.name })
        .from(mailboxes)
        .where(eq(mailboxes.id, mailboxId))
      const mailbox = row ?? known
      return mailbox ? (await addressesOfMailbox(tx, mailbox)).map((a) => a.id) : []
    },
  },
  { model: 'domain', owners: (tx, domainId) => addressIdsOnDomain(tx, domainId) },
]

/** Postmap with the panel's own main.cf: it works where Postfix has no configuration yet. */
const postmap = (file: string) => sh`postmap -c ${POSTFIX_DIR} hash:${file}`

function commit(out: Commands, _server: unknown, files: PostfixFiles) {
  out.run(sh`install -d -m 0755 ${POSTFIX_DIR}`)
  makeReloadFlag(out)
  replaceIfChanged(out, `${POSTFIX_DIR}/main.cf`, files.snippet)
  for (const [path, content] of [
    [POSTFIX_ALIASES, files.aliases],
    [POSTFIX_MAILBOXES, files.mailboxes],
  ] as const) {
    replaceIfChanged(out, path, content, { after: [postmap(path)] })
    // A map whose .db went missing is indexed again even when its text did not change.
    out.run(sh`[ -e ${`${path}.db`} ] || ${postmap(path)}`)
  }
  replaceIfChanged(out, POSTFIX_DOMAINS, files.domains, { after: [RELOAD_FLAG] })
  out.run(
    new ShellText(
      [
        'if [ -e "$reload_flag" ]; then',
        '  if postfix status >/dev/null 2>&1; then postfix reload',
        '  else echo "Postfix is not running here: reload skipped" >&2; fi',
        'fi',
      ].join('\n'),
    ),
  )
  dropReloadFlag(out)
}

/**
 * Spec 2.5 "Postfix address", with the files regenerated whole in a folder of the panel's own
 * (spec 15.5): never edited line by line with sed, so they cannot drift from the database.
 * TODO(#5): the mailbox map lists every mailbox, not only those the Dovecot routes place on
 * this server, and a mailbox without any address does not reach Postfix until one changes.
 */
export const postfixVirtualBackend = defineBackend<AddressObject, PostfixFiles>({
  id: 'postfix-virtual',
  label: 'Postfix virtual addresses',
  description:
    `Writes ${POSTFIX_ALIASES}, ${POSTFIX_MAILBOXES} and ${POSTFIX_DOMAINS} whole ` +
    'from the addresses routed to the server, and indexes them with postmap.',
  model: 'mailAddress',
  related,
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'true',
  docSettings: ['MAILBOXES_LOCAL_DOMAIN', 'DOMAINS_DEFAULT_MX'],
  executable: '/bin/bash',
  timeoutMs: 60_000,
  async load(tx, id) {
    const [object] = await loadAddressObjects(tx, [id])
    return object
  },
  repr: (address) => address.email,
  matchFields: { id: 'int', email: 'string', name: 'string', domain: 'string', accountId: 'int' },
  matchValues: (address) => ({
    id: address.id,
    email: address.email,
    name: address.name,
    domain: address.domainName,
    accountId: address.accountId,
  }),
  async loadShared(tx, routed) {
    const addresses = (await loadAddressObjects(tx)).filter(routed)
    const localDomain = await settingValue(tx, 'MAILBOXES_LOCAL_DOMAIN')
    const names = (await tx.select({ name: mailboxes.name }).from(mailboxes)).map((r) => r.name)
    return {
      aliases: renderAliasMap(addresses),
      mailboxes: localDomain ? renderMailboxMap(names, localDomain) : renderMailboxMap([], ''),
      domains: renderDomainList(addresses.filter((a) => a.aliasDomain).map((a) => a.domainName)),
      snippet: renderPostfixSnippet({
        localDomain,
        homeBase: await settingValue(tx, 'MAILBOXES_HOME_BASE'),
        uid: await settingValue(tx, 'MAILBOXES_VMAIL_UID'),
        gid: await settingValue(tx, 'MAILBOXES_VMAIL_GID'),
      }),
    }
  },
  actions: {
    // The maps are written whole by the commit; a block says what its address contributes.
    save(out, address) {
      const line = address.implicit
        ? `${address.email}: delivered to its mailbox by the mailbox map`
        : `${address.email}: ${address.destination}`
      out.run(sh`printf '%s\n' ${line}`)
    },
    delete(out, address) {
      out.run(sh`printf '%s\n' ${`${address.email}: removed`}`)
    },
  },
  commit,
})
