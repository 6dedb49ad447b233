import type { CopyProgress } from '../db/copy'

const WIDTH = 30

/**
 * A progress bar for long commands: redrawn in place on a terminal, one line per table and
 * phase otherwise (a log file should not fill with redraws).
 */
export function progressBar(out: NodeJS.WriteStream) {
  let last = ''
  const line = (p: CopyProgress) => {
    const ratio = p.overallTotal ? p.overallDone / p.overallTotal : 1
    const filled = Math.round(ratio * WIDTH)
    const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`
    const percent = `${Math.floor(ratio * 100)}%`.padStart(4)
    const phase = p.phase === 'copy' ? 'copying' : 'checking'
    return `[${bar}] ${percent} ${phase} ${p.table} ${p.done}/${p.rows}`
  }
  return {
    update(progress: CopyProgress) {
      if (out.isTTY) {
        out.write(`\r${line(progress)}\u001b[K`)
      } else {
        const step = `${progress.phase} ${progress.table}`
        if (step !== last && progress.done === progress.rows) out.write(`${line(progress)}\n`)
        if (progress.done === progress.rows) last = step
      }
    },
    done() {
      if (out.isTTY) out.write('\n')
    },
  }
}
