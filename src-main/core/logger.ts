import log from 'electron-log/node'
import { join } from 'node:path'

export type Logger = ReturnType<typeof log.scope>

const MAX_LOG_BYTES = 5 * 1024 * 1024

/**
 * One rotated log file per data folder. electron-log keeps the previous file as
 * `orchestra.old.log` when the current one passes the size limit.
 */
export function configureLogging(dataDir: string, options: { quiet?: boolean } = {}): string {
  const file = join(dataDir, 'logs', 'orchestra.log')
  log.transports.file.resolvePathFn = () => file
  log.transports.file.maxSize = MAX_LOG_BYTES
  log.transports.file.level = 'info'
  // UTC with an explicit zone, so logs from several workstations line up.
  log.transports.file.format = '[{iso}] [{level}]{scope} {text}'
  log.transports.console.level = options.quiet ? false : 'warn'
  return file
}

/** A logger tagged with its area, e.g. `[bridge]`. Log ids, never objects or secrets. */
export function scopedLogger(area: string): Logger {
  return log.scope(area)
}
