import { z } from 'zod'
import { idSchema } from '../schemas/common'

/**
 * `read` and `write` run in one unit of work (a transaction) on the open database. An
 * `action` runs outside any: it works on the database itself (switching, copying) or, later,
 * on servers, and takes care of its own consistency.
 */
export type ChannelKind = 'read' | 'write' | 'action'

export interface ChannelSpec<Req extends z.ZodType, Res, Kind extends ChannelKind> {
  request: Req
  /** Type-only marker for the response; never read at run time. */
  response?: Res
  /** A read never changes data: it writes no history and takes no write lock. */
  kind: Kind
}

export function read<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res, 'read'> => ({
    request,
    kind: 'read',
  })
}

export function write<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res, 'write'> => ({
    request,
    kind: 'write',
  })
}

export function action<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res, 'action'> => ({
    request,
    kind: 'action',
  })
}

export const byId = z.strictObject({ id: idSchema })
export const nothing = z.strictObject({}).default({})
