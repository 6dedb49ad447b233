import { z } from 'zod'
import type { ObjectType } from './history'

export const globalSearchSchema = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(8),
})

export interface SearchHit {
  objectType: ObjectType
  id: number
  title: string
  subtitle: string
  /** The account the hit belongs to, for navigation. */
  accountId: number
}
