import { z } from 'zod'
import type { FieldIssue } from '../../errors'
import type { Page } from '../../schemas/common'
import { idSchema } from '../../schemas/common'
import {
  orderIgnoreSchema,
  orderListSchema,
  type OrderDetail,
  type OrderRow,
  type OrderSyncDecision,
  type OrderUpdateJob,
} from '../../schemas/billing-orders'
import {
  contractedPlanCreateSchema,
  planCreateSchema,
  planUpdateSchema,
  rateCreateSchema,
  rateUpdateSchema,
  serviceCreateSchema,
  serviceListSchema,
  serviceUpdateSchema,
  type ContractedPlan,
  type ContractedPlanRow,
  type Plan,
  type Rate,
  type Service,
  type ServiceCreateInput,
  type ServiceRow,
} from '../../schemas/billing-services'
import { byId, nothing, read, write, action } from '../define'

const byService = z.strictObject({ serviceId: idSchema })

/**
 * A rate's save answers with the warnings of its service's whole table (spec billing 5.5),
 * each naming a row of `rates:list` as `rates.<index>.price`.
 */
export interface RateSaved {
  rate: Rate
  warnings: FieldIssue[]
}

/** Billing definitions and orders (spec billing 2 to 4). */
export const billingChannels = {
  'billingServices:list': read<Page<ServiceRow>>()(serviceListSchema),
  'billingServices:get': read<Service>()(byId),
  /** "Clone": a new service's input prefilled with every field of this one. */
  'billingServices:clone': read<ServiceCreateInput>()(byId),
  'billingServices:create': write<Service>()(serviceCreateSchema),
  'billingServices:update': write<Service>()(serviceUpdateSchema),
  /** Refused once the service has orders: disable it instead. */
  'billingServices:delete': write<{ deleted: number }>()(byId),

  'plans:list': read<Plan[]>()(nothing),
  'plans:create': write<Plan>()(planCreateSchema),
  'plans:update': write<Plan>()(planUpdateSchema),
  'plans:delete': write<{ deleted: number }>()(byId),

  'contractedPlans:list': read<ContractedPlanRow[]>()(
    z.strictObject({ accountId: idSchema.optional(), planId: idSchema.optional() }).default({}),
  ),
  /** A second contract of a plan that allows one is refused as "already contracted". */
  'contractedPlans:create': write<ContractedPlan>()(contractedPlanCreateSchema),
  'contractedPlans:delete': write<{ deleted: number }>()(byId),

  'rates:list': read<{ rates: Rate[]; warnings: FieldIssue[] }>()(byService),
  'rates:create': write<RateSaved>()(rateCreateSchema),
  'rates:update': write<RateSaved>()(rateUpdateSchema),
  'rates:delete': write<{ deleted: number }>()(byId),

  /** Ignored orders are hidden unless `ignored` asks for them. */
  'orders:list': read<Page<OrderRow>>()(orderListSchema),
  /** The order with its last 10 metric values and the bills holding its lines. */
  'orders:get': read<OrderDetail>()(byId),
  'orders:setIgnored': write<{ changed: number }>()(orderIgnoreSchema),
  /** "Update orders", dry run: what each object's order would do. */
  'orders:previewUpdate': read<OrderSyncDecision[]>()(byService),
  /** "Update orders": starts a background job; progress comes as `orders:updateProgress`. */
  'orders:startUpdate': action<OrderUpdateJob>()(byService),
  'orders:updateStatus': action<OrderUpdateJob>()(z.strictObject({ jobId: z.string().uuid() })),
} as const
