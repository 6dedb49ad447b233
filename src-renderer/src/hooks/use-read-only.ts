import { useChannelQuery } from '../api/queries'

/**
 * True when the app was started `--read-only` (an audit): every change is refused, so the
 * controls that change data are disabled rather than left to fail.
 */
export function useReadOnly(): boolean {
  const { data } = useChannelQuery('app:info', {})
  return data?.database.readOnly === true
}
