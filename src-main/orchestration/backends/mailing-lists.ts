import { sh, ShellText } from '../../core/escape'
import { listMailingListRows } from '../../data/mailing-lists'
import type { MailingListRow } from '../../../src-shared/schemas/mailing-lists'
import type { Tx } from '../../db/store'
import type { AnyBackend } from '../backend'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import { dropReloadFlag, makeReloadFlag, RELOAD_FLAG, replaceIfChanged } from './mail-files'
import {
  LISTS_ALIASES,
  LISTS_DOMAINS,
  LISTS_POSTFIX_DIR,
  MAILMAN_DATA,
  renderListAliases,
  renderListDomains,
  renderListsSnippet,
  type ListObject,
} from './mailman-files'
import { MAILMAN_HELPER, MAILMAN_HELPER_MODULE } from './mailman-helper'

interface ListFiles {
  aliases: string
  domains: string
  snippet: string
}

function toObject(row: MailingListRow): ListObject {
  const [, listDomain = ''] = row.address.split('@')
  return {
    id: row.id,
    name: row.name,
    accountId: row.accountId,
    fqdn: row.address,
    listDomain,
    adminEmail: row.adminEmail,
    active: row.effectiveActive,
    custom: row.addressDomainName
      ? { local: row.addressName || row.name, domain: row.addressDomainName }
      : null,
  }
}

async function loadLists(tx: Tx, ids?: number[]): Promise<ListObject[]> {
  return (await listMailingListRows(tx, ids)).map(toObject)
}

/**
 * Debian runs Mailman 3 as `list` and its command line refuses root; `cd /` because root's
 * home is not readable there. The helper module is found through PYTHONPATH.
 */
const MAILMAN_FUNCTION = [
  'mailman_cli() {',
  '  (cd / && runuser -u list -- env PYTHONPATH="$mailman_helpers" /usr/bin/mailman "$@")',
  '}',
  // `grep >/dev/null` rather than -q: an early exit would end `mailman lists` with SIGPIPE.
  'mailman_has_list() {',
  '  mailman_cli lists --quiet | grep -Fx -- "$1" >/dev/null',
  '}',
].join('\n')

function prepare(out: Commands) {
  out.run(new ShellText('mailman_helpers="$(mktemp -d)"'))
  out.run(new ShellText('chmod 0755 "$mailman_helpers"'))
  const file = `"$mailman_helpers"/${MAILMAN_HELPER_MODULE}.py`
  out.run(new ShellText(`${sh`printf '%s' ${MAILMAN_HELPER}`.text} > ${file}`))
  out.run(new ShellText(`chmod 0644 ${file}`))
  out.run(new ShellText(MAILMAN_FUNCTION))
}

/**
 * Creates the list when Mailman lacks it, then sets its owner, aliases and posting chain. An
 * inactive list takes the `reject` chain: every post bounces back to its sender, and it keeps
 * its members and archives. (The original made a Mailman 2 list's folder mode 000, so its
 * mail failed inside Mailman; re-activation restored mode 775. Here it restores Mailman's
 * default posting chain.)
 */
function save(out: Commands, list: ListObject) {
  out.run(sh`if ! mailman_has_list ${list.fqdn}; then mailman_cli create -- ${list.fqdn}; fi`)
  const aliases = list.custom ? [`${list.custom.local}@${list.custom.domain}`] : []
  const state = list.active ? 'active' : 'inactive'
  const run = `${MAILMAN_HELPER_MODULE}.apply`
  out.run(sh`mailman_cli shell -l ${list.fqdn} -r ${run} -- ${list.adminEmail} ${state} ${aliases}`)
}

/** Removes the list with its members; Mailman 3 keeps no archive folder of its own here. */
function remove(out: Commands, list: ListObject) {
  out.run(sh`if mailman_has_list ${list.fqdn}; then mailman_cli remove -- ${list.fqdn}; fi`)
}

const postmap = (file: string) => sh`postmap -c ${LISTS_POSTFIX_DIR} hash:${file}`

function commit(out: Commands, _server: unknown, files?: ListFiles) {
  if (!files) return
  out.run(sh`install -d -m 0755 ${LISTS_POSTFIX_DIR}`)
  makeReloadFlag(out)
  replaceIfChanged(out, `${LISTS_POSTFIX_DIR}/main.cf`, files.snippet)
  replaceIfChanged(out, LISTS_ALIASES, files.aliases, { after: [postmap(LISTS_ALIASES)] })
  out.run(sh`[ -e ${`${LISTS_ALIASES}.db`} ] || ${postmap(LISTS_ALIASES)}`)
  replaceIfChanged(out, LISTS_DOMAINS, files.domains, { after: [RELOAD_FLAG] })
  // Mailman's own transport maps follow its lists: create and remove rewrite them, so they
  // are only made here when missing (a server whose Mailman has no list yet).
  out.run(sh`[ -e ${`${MAILMAN_DATA}/postfix_lmtp`} ] || mailman_cli aliases`)
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
  out.run(new ShellText('rm -rf "$mailman_helpers"'))
}

/**
 * Spec 7.3 for Mailman 3 (Mailman 2 is gone from Debian): lists through Mailman's command line,
 * the custom addresses as Postfix virtual aliases in a map of the panel's own, regenerated
 * whole from every list routed to the server (spec 15.5).
 * TODO(#7): the traffic and subscriber monitors of spec 7.3 wait for resource monitoring.
 * TODO(#6): a change of LISTS_DEFAULT_DOMAIN moves no list: Mailman 3 cannot rename one, so
 * the lists made before stay on the old domain while the backend looks for them on the new.
 */
export const mailmanBackend = defineBackend<ListObject, ListFiles>({
  id: 'mailman3',
  label: 'Mailman 3 lists',
  description:
    'Creates and removes lists with the mailman command, sets their owner and posting ' +
    `policy, and writes the custom addresses to ${LISTS_ALIASES} (postmap).`,
  model: 'mailingList',
  declaredActions: ['save', 'delete'],
  defaultRouteMatch: 'true',
  docSettings: ['LISTS_DEFAULT_DOMAIN'],
  executable: '/bin/bash',
  timeoutMs: 300_000,
  async load(tx, id) {
    const [list] = await loadLists(tx, [id])
    return list
  },
  repr: (list) => list.fqdn,
  matchFields: { id: 'int', name: 'string', address: 'string', accountId: 'int' },
  matchValues: (list) => ({
    id: list.id,
    name: list.name,
    address: list.fqdn,
    accountId: list.accountId,
  }),
  async loadShared(tx, routed) {
    const lists = (await loadLists(tx)).filter(routed)
    return {
      aliases: renderListAliases(lists),
      domains: renderListDomains(lists),
      snippet: renderListsSnippet(),
    }
  },
  prepare,
  actions: { save, delete: remove },
  commit,
})

/** Mailing lists (spec 7): the area's backends. */
export const MAILING_LIST_BACKENDS: readonly AnyBackend[] = [mailmanBackend]
