import { z } from 'zod'
import { idSchema, listQueryShape } from './common'
import { ACCOUNT_TYPES } from './accounts'
import type { BillableModel } from './billing-services'

/** Orders (spec billing 4): the list's filters and what a row and a detail show. */

export const ORDER_BILLING_STATES = ['billed', 'notBilled', 'pending'] as const
export type OrderBillingState = (typeof ORDER_BILLING_STATES)[number]

export const orderListSchema = z.strictObject({
  ...listQueryShape,
  /** Active: not cancelled, or cancelled in the future. */
  active: z.boolean().optional(),
  /** Ignored orders are hidden unless asked for (spec 4.1); `all` shows both. */
  ignored: z.enum(['no', 'yes', 'all']).default('no'),
  billing: z.enum(ORDER_BILLING_STATES).optional(),
  accountId: idSchema.optional(),
  accountType: z.enum(ACCOUNT_TYPES).optional(),
  serviceId: idSchema.optional(),
})
export type OrderListQuery = z.input<typeof orderListSchema>

export const orderIgnoreSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(1000),
  ignore: z.boolean(),
})

export interface OrderRow {
  id: number
  accountId: number | null
  accountUsername: string | null
  serviceId: number
  serviceDescription: string
  contentType: BillableModel
  objectId: number
  contentObjectRepr: string
  registeredOn: string
  cancelledOn: string | null
  billedOn: string | null
  billedUntil: string | null
  billedMetric: string | null
  ignore: boolean
  description: string
  version: number
}

export interface OrderMetricRow {
  value: string
  createdOn: string
  updatedOn: string
}

/** A bill with lines of the order, for the order's page to link to. */
export interface OrderBillLink {
  id: number
  number: string
  type: string
  isOpen: boolean
}

export interface OrderDetail extends OrderRow {
  /** The last 10 stored metric values, newest first. */
  metrics: OrderMetricRow[]
  /** The bills holding its lines, oldest first. */
  bills: OrderBillLink[]
}

/** "Update orders" of a service (spec 2.3): what it does, or would do, to each object. */
export interface OrderSyncDecision {
  serviceId: number
  objectId: number
  objectRepr: string
  action: 'create' | 'update' | 'cancel' | 'error'
  orderId: number | null
  message?: string
}

export interface OrderUpdateJob {
  jobId: string
  serviceId: number
  state: 'running' | 'done' | 'failed'
  /** Objects done of all the service's objects and orphaned orders. */
  done: number
  total: number
  created: number
  updated: number
  cancelled: number
  errors: number
  message?: string
}
