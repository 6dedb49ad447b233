import { z } from 'zod'

/** A database id as it travels in requests. */
export const idSchema = z.number().int().positive()

/** Optional free text: trimmed, and empty means absent. */
export function optionalText(max: number) {
  return z.string().trim().max(max).default('')
}

export function requiredText(max: number) {
  return z.string().trim().min(1).max(max)
}

export const SORT_DIRECTIONS = ['asc', 'desc'] as const

/** The paging and search part every list request shares. */
export const listQueryShape = {
  q: z.string().trim().max(200).default(''),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
  dir: z.enum(SORT_DIRECTIONS).default('asc'),
}

export interface Page<Row> {
  rows: Row[]
  total: number
  page: number
  pageSize: number
}

/** Optimistic locking: an edit names the version it was made from. */
export const versionSchema = z.number().int().min(1)
