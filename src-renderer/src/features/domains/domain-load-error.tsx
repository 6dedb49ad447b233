import { IconWorldQuestion } from '@tabler/icons-react'
import { ObjectLoadError, type LoadErrorProps } from '../../components/object-load-error'

export function DomainLoadError(props: LoadErrorProps) {
  return (
    <ObjectLoadError
      {...props}
      icon={IconWorldQuestion}
      section="domain"
      listPath="/services/domains"
    />
  )
}
