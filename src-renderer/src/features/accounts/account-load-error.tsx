import { IconUserQuestion } from '@tabler/icons-react'
import { ObjectLoadError, type LoadErrorProps } from '../../components/object-load-error'

export function AccountLoadError(props: LoadErrorProps) {
  return (
    <ObjectLoadError {...props} icon={IconUserQuestion} section="account" listPath="/accounts" />
  )
}
