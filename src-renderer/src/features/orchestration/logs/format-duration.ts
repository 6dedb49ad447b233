import { i18next } from '../../../i18n'

/** "< 0.1 s", "0.4 s", "12 s", "3 min 5 s": how long a script ran. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return i18next.t('common.none')
  if (seconds < 0.1) return i18next.t('logs.underTenth')
  if (seconds < 10) return i18next.t('logs.seconds', { value: Math.round(seconds * 10) / 10 })
  if (seconds < 60) return i18next.t('logs.seconds', { value: Math.round(seconds) })
  const minutes = Math.floor(seconds / 60)
  return i18next.t('logs.minutes', { minutes, seconds: Math.round(seconds % 60) })
}
