import { IconAddressBook } from '@tabler/icons-react'
import { ObjectLoadError, type LoadErrorProps } from '../../components/object-load-error'

export function ContactLoadError(props: LoadErrorProps) {
  return (
    <ObjectLoadError {...props} icon={IconAddressBook} section="contact" listPath="/contacts" />
  )
}
