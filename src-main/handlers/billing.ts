import type { Channels } from '../../src-shared/contract/channels'
import * as services from '../data/billing-services'
import * as orders from '../data/orders'
import * as jobs from '../data/order-update-job'
import * as plans from '../data/plans'
import * as rates from '../data/rates'
import type { CoreServices, HandlerTable } from './types'

type BillingChannels = Extract<
  keyof Channels,
  `${'billingServices' | 'plans' | 'contractedPlans' | 'rates' | 'orders'}:${string}`
>

function jobRunner(core: CoreServices): jobs.JobRunner {
  return {
    write: (work) => core.write((scope) => work(scope)),
    progress: (job) => core.events.emit('orders:updateProgress', job),
  }
}

export const billingHandlers: HandlerTable<BillingChannels> = {
  'billingServices:list': (request, { tx, core }) => services.listServices(tx, request, core.now()),
  'billingServices:get': ({ id }, { tx }) => services.getService(tx, id),
  'billingServices:clone': ({ id }, { tx }) => services.cloneServiceInput(tx, id),
  'billingServices:create': (request, scope) => services.createService(scope, request),
  'billingServices:update': (request, scope) => services.updateService(scope, request),
  'billingServices:delete': async ({ id }, scope) => ({
    deleted: await services.deleteService(scope, id),
  }),

  'plans:list': (_request, { tx }) => plans.listPlans(tx),
  'plans:create': (request, scope) => plans.createPlan(scope, request),
  'plans:update': (request, scope) => plans.updatePlan(scope, request),
  'plans:delete': async ({ id }, scope) => ({ deleted: await plans.deletePlan(scope, id) }),

  'contractedPlans:list': (request, { tx }) => plans.listContractedPlans(tx, request),
  'contractedPlans:create': (request, scope) => plans.createContractedPlan(scope, request),
  'contractedPlans:delete': async ({ id }, scope) => ({
    deleted: await plans.deleteContractedPlan(scope, id),
  }),

  'rates:list': async ({ serviceId }, { tx }) => ({
    rates: await rates.listRates(tx, serviceId),
    warnings: await rates.rateWarningsOf(tx, serviceId),
  }),
  'rates:create': (request, scope) => rates.createRate(scope, request),
  'rates:update': (request, scope) => rates.updateRate(scope, request),
  'rates:delete': async ({ id }, scope) => ({ deleted: await rates.deleteRate(scope, id) }),

  'orders:list': (request, { tx, core }) => orders.listOrders(tx, request, core.now()),
  'orders:get': ({ id }, { tx }) => orders.getOrder(tx, id),
  'orders:setIgnored': async ({ ids, ignore }, scope) => ({
    changed: await orders.setOrdersIgnored(scope, ids, ignore),
  }),
  'orders:previewUpdate': ({ serviceId }, { tx, core }) =>
    jobs.previewServiceOrders(tx, serviceId, core.now()),
  'orders:startUpdate': ({ serviceId }, { core }) =>
    jobs.startServiceOrderUpdate(jobRunner(core), serviceId),
  'orders:updateStatus': async ({ jobId }) => jobs.orderUpdateJob(jobId),
}
