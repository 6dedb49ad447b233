import { IconServerOff } from '@tabler/icons-react'
import { ObjectLoadError, type LoadErrorProps } from '../../../components/object-load-error'

export function ServerLoadError(props: LoadErrorProps) {
  return <ObjectLoadError {...props} icon={IconServerOff} section="server" listPath="/servers" />
}
