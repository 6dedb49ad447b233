import { z } from 'zod'
import { singleLineText } from './common'
import type { ObjectType } from './history'

export const globalSearchSchema = z.strictObject({
  /** Search words, typed on one line; `ana!` asks for the account named ana. */
  q: singleLineText(200).min(1),
  /** How many hits in all, across kinds. */
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
