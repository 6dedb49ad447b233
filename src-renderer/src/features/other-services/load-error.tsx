import { Button, EmptyState } from '@mantine/core'
import { IconQuestionMark } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { isNotFound } from '../../api/errors'
import { QueryError } from '../../components/query-error'

type Section = 'vps' | 'misc' | 'miscServices'

interface LoadErrorProps {
  error: unknown
  onRetry: () => unknown
  section: Section
  listPath: string
}

/** A page of this area whose object could not load: gone (with a way back), or an error. */
export function LoadError({ error, onRetry, section, listPath }: LoadErrorProps) {
  const { t } = useTranslation()
  if (error && !isNotFound(error)) {
    return <QueryError error={error} onRetry={() => void onRetry()} />
  }
  return (
    <EmptyState
      mt="xl"
      icon={<IconQuestionMark size={32} />}
      withIndicatorBackground
      title={t(`otherServices.${section}.notFoundTitle`)}
      description={t(`otherServices.${section}.notFoundBody`)}
    >
      <EmptyState.Actions>
        <Button component={Link} to={listPath}>
          {t(`otherServices.${section}.backToList`)}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
