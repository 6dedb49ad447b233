import { z } from 'zod'
import { listSetting as listOf } from './setting-lists'

/** The container kinds a backend is written for: Proxmox VE's LXC (`pct`) and legacy OpenVZ. */
export const VPS_KINDS = ['lxc', 'openvz'] as const
export type VpsKind = (typeof VPS_KINDS)[number]

/** A template name: lower-case letters, digits and `._-`, a letter or digit first. */
export const TEMPLATE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/

/**
 * One argument of `pct set` or `pvectl vzset` as a setting gives it: an option or a value of
 * letters, digits and `-_.,:=/`. Each is still quoted as one shell word when it is written.
 */
const SET_ARGUMENT = /^[A-Za-z0-9_.,:=/-]{1,64}$/

/**
 * The named checks a miscellaneous service's identifiers may have to pass. A setting names one
 * of these, never code: what each means is written in misc-identifiers.ts.
 */
export const IDENTIFIER_VALIDATORS = [
  'domain',
  'email',
  'hostname',
  'iban',
  'ipv4',
  'ipv6',
] as const
export type IdentifierValidator = (typeof IDENTIFIER_VALIDATORS)[number]

/** `<service name>=<validator>`, as the settings page edits one item of a list. */
const validatorEntry = z
  .string()
  .trim()
  .regex(new RegExp(`^[a-z0-9][a-z0-9._-]{0,31}=(${IDENTIFIER_VALIDATORS.join('|')})$`), {
    message: `must read <service name>=<one of ${IDENTIFIER_VALIDATORS.join(', ')}>`,
  })

const argumentList = listOf(z.string().regex(SET_ARGUMENT, { message: 'is not a plain word' }))

/** Spec 9 and 10. */
export const OTHER_SERVICE_SETTINGS = {
  VPS_TYPES: {
    group: 'VPS',
    help: 'The container kinds a new VPS may have: lxc (Proxmox VE pct) or openvz (vzctl).',
    schema: listOf(z.enum(VPS_KINDS)).refine((types) => types.length > 0, {
      message: 'needs at least one type',
    }),
    default: ['lxc', 'openvz'],
  },
  VPS_DEFAULT_TYPE: {
    group: 'VPS',
    help: 'The type a new VPS starts with.',
    schema: z.enum(VPS_KINDS),
    default: 'lxc',
  },
  VPS_TEMPLATES: {
    group: 'VPS',
    help: 'The templates a new VPS may be made from (its initial system only).',
    schema: listOf(z.string().regex(TEMPLATE_NAME, { message: 'is not a template name' })).refine(
      (templates) => templates.length > 0,
      { message: 'needs at least one template' },
    ),
    default: ['debian-12', 'debian-11', 'ubuntu-24.04'],
  },
  VPS_DEFAULT_TEMPLATE: {
    group: 'VPS',
    help: 'The template a new VPS starts with.',
    schema: z.string().regex(TEMPLATE_NAME, { message: 'is not a template name' }),
    default: 'debian-12',
  },
  VPS_DEFAULT_PCT_ARGS: {
    group: 'VPS',
    help: 'Arguments of every `pct set` of an LXC container, before memory, swap and disk.',
    schema: argumentList,
    default: ['--onboot', '1'],
  },
  VPS_DEFAULT_VZSET_ARGS: {
    group: 'VPS',
    help: 'Arguments of every `pvectl vzset` of an OpenVZ container, before memory and disk.',
    schema: argumentList,
    default: ['--onboot', 'yes'],
  },
  MISCELLANEOUS_IDENTIFIER_VALIDATORS: {
    group: 'MISCELLANEOUS',
    help:
      'Checks of identifiers per service, as service=check; the checks are ' +
      `${IDENTIFIER_VALIDATORS.join(', ')}.`,
    schema: listOf(validatorEntry, 100),
    default: [],
  },
} as const
