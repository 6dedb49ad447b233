import { singleLineText } from './common'

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/

/**
 * Mailing lists (spec 7.2), for Mailman 3. The original's Mailman 2 paths (root dir, post log,
 * alias files) have no counterpart: Mailman 3 keeps its lists in its own database, and the
 * panel's maps live in a folder of their own on the list server.
 */
export const MAILING_LIST_SETTINGS = {
  LISTS_DEFAULT_DOMAIN: {
    group: 'LISTS',
    help:
      'The domain Mailman keeps every list on (<name>@domain); custom addresses are aliases ' +
      "to it. Changing it moves no list: existing lists stay on Mailman's old domain.",
    schema: singleLineText(253).toLowerCase().regex(DOMAIN, { message: 'is not a domain' }),
    default: 'lists.orchestra.lan',
  },
  LISTS_LIST_URL: {
    group: 'LISTS',
    help: "A list's web page; %(name)s is replaced by the list's name.",
    schema: singleLineText(500).regex(/^https?:\/\/\S+$/, { message: 'is not an http(s) URL' }),
    default: 'https://lists.orchestra.lan/mailman3/lists/%(name)s.lists.orchestra.lan/',
  },
} as const
