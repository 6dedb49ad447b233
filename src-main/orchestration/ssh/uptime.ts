export interface Uptime {
  /** As `uptime` says it, e.g. `3 days, 4:05`. */
  text: string
  /** From /proc/uptime, where the server has one (Linux). */
  seconds?: number
  /** 1, 5 and 15 minute load averages. */
  load: [number, number, number]
}

/**
 * Reads `uptime` output (procps, BusyBox and BSD forms:
 * `10:01:02 up 3 days,  4:05,  2 users,  load average: 0.10, 0.20, 0.30`) and, on the next line,
 * /proc/uptime (`12345.67 23456.78`). Locales with decimal commas print `0,10, 0,20, 0,30`.
 */
export function parseUptime(output: string): Uptime | undefined {
  const [first = '', second = ''] = output.trim().split('\n')
  const match = /\bup\s+(.+?),\s+(?:\d+\s+users?,\s+)?load averages?:\s*(.+)$/.exec(first.trim())
  if (!match) return undefined

  const loads = (match[2] ?? '')
    .trim()
    .split(/,?\s+/)
    .map((value) => Number(value.replace(',', '.')))
  const [one, five, fifteen] = loads
  if (loads.length !== 3 || loads.some(Number.isNaN)) return undefined

  const seconds = Number(second.trim().split(/\s+/)[0])
  return {
    text: (match[1] ?? '').replace(/\s+/g, ' '),
    ...(second.trim() && !Number.isNaN(seconds) && { seconds }),
    load: [one ?? 0, five ?? 0, fifteen ?? 0],
  }
}
