import { IconFileUnknown } from '@tabler/icons-react'
import { ObjectLoadError, type LoadErrorProps } from '../../../components/object-load-error'

export function LogLoadError(props: LoadErrorProps) {
  return <ObjectLoadError {...props} icon={IconFileUnknown} section="log" listPath="/logs" />
}
