/** How far back in the stored output a live chunk's start is looked for. */
const WINDOW = 65_536

/**
 * The output of a running log as far as it is known. `stored` is what the log held when it
 * was read (saved every few seconds while it runs, so it lags); `live` is every chunk pushed
 * since the app started listening. Both are slices of one stream: `stored` its start, `live`
 * its end from some point. Where they overlap, the overlap is kept once. A gap between them
 * (the app opened while the script was running) closes when the finished log is read again.
 */
export function mergeOutput(stored: string, live: string): string {
  if (!live) return stored
  if (!stored || live.startsWith(stored)) return live

  const first = live[0]!
  const from = Math.max(0, stored.length - live.length, stored.length - WINDOW)
  // The earliest start that fits is the longest overlap.
  for (let at = stored.indexOf(first, from); at >= 0; at = stored.indexOf(first, at + 1)) {
    if (live.startsWith(stored.slice(at))) return stored.slice(0, at) + live
  }
  return stored + live
}
