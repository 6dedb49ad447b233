import { BILLABLE_MODELS, type BillableModel } from '../../src-shared/schemas/billing-services'
import type { ObjectType } from '../../src-shared/schemas/history'
import type { SqlType } from '../../src-shared/schemas/sql-databases'
import { Money, money } from './money'

/**
 * The objects a service can bill and what their expressions see of them (spec billing 2.1).
 * Field names follow the original's (`systemuser.is_main`), so its examples read the same.
 *
 * Numbers that may carry a fraction are `Decimal` (never a CEL double, which is binary
 * floating point); counts and ids are `int`. Only declared fields reach an expression: the
 * values an object is given are filtered through its declaration, so nothing else of the row
 * (a password hash, a version) is ever readable.
 *
 * Resources (`<model>.resources.<name>.used` and `.allocated`) are measured by monitors that
 * do not exist yet: both values are optional, and an object without a measurement simply has
 * no such key. Expressions read them with CEL's optional access and `orZero`, the form of the
 * original's `(value or 0)`: `max(orZero(mailbox.resources.disk.?allocated) - 1, 0)`.
 */

export type FieldType = 'string' | 'int' | 'bool' | 'Decimal' | 'list<string>'
export interface FieldTree {
  readonly [name: string]: FieldType | FieldTree
}

/** What every owned object says of its account: enough for a rule on the account's kind. */
const ACCOUNT_REF = {
  id: 'int',
  username: 'string',
  type: 'string',
  language: 'string',
  is_active: 'bool',
  is_superuser: 'bool',
} as const satisfies FieldTree

/** Declared resources, each with its optional measured value and quota. */
function resources(...names: string[]): FieldTree {
  return Object.fromEntries(names.map((name) => [name, { used: 'Decimal', allocated: 'Decimal' }]))
}

export interface BillableModelSpec {
  label: string
  /** The history's name for the same kind of object; a contracted plan has none yet. */
  objectType: ObjectType | null
  fields: FieldTree
  /** The fields that name an object, the first one filled: the default order description's. */
  textFields: readonly string[]
}

// TODO(#7): web apps, SaaS tenants and mailing lists get resources once monitoring declares them.
export const BILLABLE_MODEL_SPECS: Readonly<Record<BillableModel, BillableModelSpec>> = {
  account: {
    label: 'Account',
    objectType: 'account',
    textFields: ['username'],
    fields: {
      id: 'int',
      username: 'string',
      short_name: 'string',
      full_name: 'string',
      email: 'string',
      type: 'string',
      language: 'string',
      is_active: 'bool',
      is_superuser: 'bool',
      date_joined: 'string',
      resources: resources('disk', 'traffic'),
    },
  },
  mailbox: {
    label: 'Mailbox',
    objectType: 'mailbox',
    textFields: ['name'],
    fields: {
      id: 'int',
      name: 'string',
      filtering: 'string',
      is_active: 'bool',
      account: ACCOUNT_REF,
      resources: resources('disk'),
    },
  },
  systemuser: {
    label: 'System user',
    objectType: 'systemUser',
    textFields: ['username'],
    fields: {
      id: 'int',
      username: 'string',
      /** The account's own user, created with it. */
      is_main: 'bool',
      is_active: 'bool',
      shell: 'string',
      home: 'string',
      directory: 'string',
      account: ACCOUNT_REF,
      resources: resources('disk'),
    },
  },
  domain: {
    label: 'Domain',
    objectType: 'domain',
    textFields: ['name'],
    fields: {
      id: 'int',
      name: 'string',
      /** A domain of its own, not a subdomain of another of the account's. */
      is_top: 'bool',
      /** The top domain's name; empty for a top domain. */
      top: 'string',
      account: ACCOUNT_REF,
    },
  },
  database: {
    label: 'Database',
    objectType: 'sqlDatabase',
    textFields: ['name'],
    fields: {
      id: 'int',
      name: 'string',
      /** `MYSQL` or `POSTGRESQL`, the original's spelling. */
      type: 'string',
      account: ACCOUNT_REF,
      resources: resources('disk'),
    },
  },
  databaseuser: {
    label: 'Database user',
    objectType: 'sqlUser',
    textFields: ['username'],
    fields: { id: 'int', username: 'string', type: 'string', account: ACCOUNT_REF },
  },
  webapp: {
    label: 'Web app',
    objectType: 'webapp',
    textFields: ['name'],
    fields: { id: 'int', name: 'string', type: 'string', account: ACCOUNT_REF },
  },
  website: {
    label: 'Website',
    objectType: 'website',
    textFields: ['name'],
    fields: {
      id: 'int',
      name: 'string',
      protocol: 'string',
      is_active: 'bool',
      domains: 'list<string>',
      account: ACCOUNT_REF,
      resources: resources('traffic'),
    },
  },
  mailinglist: {
    label: 'Mailing list',
    objectType: 'mailingList',
    textFields: ['name'],
    fields: {
      id: 'int',
      name: 'string',
      address_name: 'string',
      admin_email: 'string',
      is_active: 'bool',
      account: ACCOUNT_REF,
    },
  },
  saas: {
    label: 'SaaS tenant',
    objectType: 'saasTenant',
    textFields: ['name'],
    fields: {
      id: 'int',
      name: 'string',
      service: 'string',
      is_active: 'bool',
      custom_url: 'string',
      account: ACCOUNT_REF,
    },
  },
  vps: {
    label: 'VPS',
    objectType: 'vps',
    textFields: ['hostname'],
    fields: {
      id: 'int',
      hostname: 'string',
      type: 'string',
      template: 'string',
      is_active: 'bool',
      account: ACCOUNT_REF,
      resources: resources('traffic'),
    },
  },
  miscellaneous: {
    label: 'Miscellaneous',
    objectType: 'miscellaneous',
    textFields: ['identifier', 'description', 'service.verbose_name', 'service.name'],
    fields: {
      id: 'int',
      identifier: 'string',
      description: 'string',
      amount: 'int',
      is_active: 'bool',
      service: { name: 'string', verbose_name: 'string', is_active: 'bool' },
      account: ACCOUNT_REF,
    },
  },
  contractedplan: {
    label: 'Contracted plan',
    objectType: null,
    textFields: ['plan.verbose_name', 'plan.name'],
    fields: {
      id: 'int',
      /** The plan's flag and the account's. */
      active: 'bool',
      plan: {
        name: 'string',
        verbose_name: 'string',
        is_active: 'bool',
        is_default: 'bool',
        is_combinable: 'bool',
        allow_multiple: 'bool',
      },
      account: ACCOUNT_REF,
    },
  },
}

export function isBillableModel(name: string): name is BillableModel {
  return (BILLABLE_MODELS as readonly string[]).includes(name)
}

/** The original spells SQL engines in capitals; rules written for it keep working. */
export const SQL_TYPE_NAMES: Readonly<Record<SqlType, string>> = {
  mysql: 'MYSQL',
  postgresql: 'POSTGRESQL',
}

// --- Values ------------------------------------------------------------------------------------

/** An object as a loader hands it over: plain values, decimals as text or Money. */
export type PlainValues = Readonly<Record<string, unknown>>

/**
 * The object as CEL sees it: only declared fields, integers as BigInt, decimals as Money.
 * A missing or null value stays missing (an unmeasured resource), and a value of the wrong
 * kind is a bug in the loader, so it throws naming the field.
 */
export function toCelValues(model: BillableModel, values: PlainValues): Record<string, unknown> {
  return convertTree(BILLABLE_MODEL_SPECS[model].fields, values, model)
}

function convertTree(
  tree: FieldTree,
  values: PlainValues,
  path: string,
  fillMissing = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, type] of Object.entries(tree)) {
    const where = `${path}.${name}`
    const resource = fillMissing || name === 'resources'
    let value = Object.hasOwn(values, name) ? values[name] : undefined
    // Every declared resource is there, maybe empty, so that `.?used` reads any object.
    if ((value === undefined || value === null) && typeof type !== 'string' && resource) {
      value = {}
    }
    if (value === undefined || value === null) continue
    out[name] =
      typeof type === 'string'
        ? convertValue(type, value, where)
        : convertTree(type, asObject(value, where), where, resource)
  }
  return out
}

function asObject(value: unknown, where: string): PlainValues {
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongKind(where, 'an object')
  return value as PlainValues
}

function convertValue(type: FieldType, value: unknown, where: string): unknown {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw wrongKind(where, 'text')
      return value
    case 'bool':
      if (typeof value !== 'boolean') throw wrongKind(where, 'true or false')
      return value
    case 'int':
      if (typeof value === 'bigint') return value
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw wrongKind(where, 'a whole number')
      }
      return BigInt(value)
    case 'Decimal':
      return toMoney(value, where)
    case 'list<string>':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw wrongKind(where, 'a list of text')
      }
      return [...value]
  }
}

function toMoney(value: unknown, where: string): Money {
  if (typeof value === 'string' || typeof value === 'number') {
    try {
      return money(value)
    } catch (error) {
      throw new TypeError(`${where} must be a decimal`, { cause: error })
    }
  }
  if (typeof value === 'bigint') return money(value.toString())
  if (value instanceof Money) return value
  // A decimal of another decimal.js configuration: through its exact text, into billing's.
  if (typeof value === 'object' && value !== null && 'toFixed' in value) {
    return toMoney(String(value), where)
  }
  throw wrongKind(where, 'a decimal')
}

function wrongKind(where: string, expected: string): TypeError {
  return new TypeError(`${where} must be ${expected}`)
}

/** The text that names an object, e.g. a mailbox's name (spec billing 2.1 default description). */
export function objectText(model: BillableModel, values: PlainValues): string {
  for (const path of BILLABLE_MODEL_SPECS[model].textFields) {
    let value: unknown = values
    for (const key of path.split('.')) {
      value = typeof value === 'object' && value !== null ? (value as PlainValues)[key] : undefined
    }
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
      return String(value)
    }
  }
  return ''
}
