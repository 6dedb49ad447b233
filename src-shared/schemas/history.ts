import { z } from 'zod'
import { idSchema, listQueryShape } from './common'

export const HISTORY_ACTIONS = ['added', 'changed', 'deleted', 'disabled', 'enabled'] as const
export type HistoryAction = (typeof HISTORY_ACTIONS)[number]

export const OBJECT_TYPES = [
  'account',
  'contact',
  'setting',
  'server',
  'sshKey',
  'route',
  'domain',
  'systemUser',
  'mailbox',
  'mailAddress',
  'sqlDatabase',
  'sqlUser',
  'webapp',
  'website',
  'certificate',
  'mailingList',
  'saasTenant',
  'vps',
  'miscService',
  'miscellaneous',
  'service',
  'plan',
  'contractedPlan',
  'rate',
  'order',
  'bill',
  'paymentSource',
  'transaction',
  'paymentProcess',
] as const
export type ObjectType = (typeof OBJECT_TYPES)[number]

/** One changed field, with the values before and after (secrets are never recorded). */
export interface FieldChange {
  field: string
  from: unknown
  to: unknown
}

export interface HistoryEntry {
  id: number
  at: string
  actor: string
  objectType: ObjectType
  objectId: number
  objectRepr: string
  action: HistoryAction
  changes: FieldChange[]
  message: string
}

export const historyListSchema = z.strictObject({
  ...listQueryShape,
  objectType: z.enum(OBJECT_TYPES).optional(),
  objectId: idSchema.optional(),
  /** Also the entries of objects owned by this account (its contacts...). */
  accountId: idSchema.optional(),
  action: z.enum(HISTORY_ACTIONS).optional(),
  dir: z.enum(['asc', 'desc']).default('desc'),
})
export type HistoryListQuery = z.input<typeof historyListSchema>
