import { z } from 'zod'

/**
 * A list setting: a list, or the comma-separated text the settings page edits (it shows a list
 * as `a,b`), so a value saved from the page reads back as the list it was. New lines separate
 * items too, so a long list can be pasted one item per line.
 */
export function listSetting(item: z.ZodType<string, string>, max = 20) {
  const fromText = z.string().transform((text) =>
    text
      .split(/[,\n]/)
      .map((part) => part.trim())
      .filter(Boolean),
  )
  return z.union([z.array(z.string()), fromText]).pipe(z.array(item).max(max))
}
