import { Button, EmptyState } from '@mantine/core'
import { IconFilterOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/** A search or filter that found nothing, with the way back to everything. */
export function NoMatches({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation()

  return (
    <EmptyState
      py="xl"
      size="sm"
      icon={<IconFilterOff size={24} />}
      title={t('list.noMatches')}
      description={t('list.noMatchesHint')}
    >
      <EmptyState.Actions>
        <Button variant="default" onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
