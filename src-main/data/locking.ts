import { AppError } from '../../src-shared/errors'

/**
 * Optimistic locking: an edit made from an older version is refused with the stored version
 * attached, so the user sees what the other workstation saved instead of overwriting it.
 */
export function assertVersion<T extends { version: number }>(
  what: string,
  stored: T,
  sent: number,
) {
  if (stored.version === sent) return
  throw new AppError({
    code: 'CONFLICT',
    field: 'version',
    message: `${what} was changed by someone else (version ${stored.version}, yours ${sent})`,
    details: { stored },
  })
}
