import { Button, EmptyState } from '@mantine/core'
import type { Icon } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isNotFound } from '../api/errors'
import { QueryError } from './query-error'

export interface LoadErrorProps {
  error: unknown
  onRetry: () => unknown
}

interface ObjectLoadErrorProps extends LoadErrorProps {
  icon: Icon
  /** The i18n section with `notFoundTitle`, `notFoundBody` and `backToList`. */
  section: 'account' | 'contact' | 'server' | 'log' | 'domain' | 'systemUsers'
  /** The list to go back to. */
  listPath: string
}

/**
 * An object page that could not load. A missing object is an expected state (deleted
 * elsewhere, a mistyped link), with a way back to its list; other failures are errors.
 */
export function ObjectLoadError({
  error,
  onRetry,
  icon: ObjectIcon,
  section,
  listPath,
}: ObjectLoadErrorProps) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />

  return (
    <EmptyState
      mt="xl"
      icon={<ObjectIcon size={32} />}
      withIndicatorBackground
      title={t(`${section}.notFoundTitle`)}
      description={t(`${section}.notFoundBody`)}
    >
      <EmptyState.Actions>
        <Button component={Link} to={listPath}>
          {t(`${section}.backToList`)}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
