import { Button } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { IconFileExport } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { LogRow } from '../../../../../src-shared/schemas/orchestration'
import { useApi } from '../../../api/client-context'
import { BulkActionBar } from '../../../components/bulk-action-bar'
import type { Selection } from '../../../hooks/use-selection'
import { notifyFailure } from '../../../lib/notify'
import { notifyExported } from './export-logs-notice'

/** Exports the selected logs into a SQLite file, for an audit on another copy of the app. */
export function LogsBulkBar({ selection }: { selection: Selection<LogRow> }) {
  const { t } = useTranslation()
  const api = useApi()
  const exportLogs = useMutation({ mutationFn: api['logs:export'] })
  const count = selection.count

  const handleExport = () =>
    exportLogs.mutate(
      { ids: selection.rows.map((row) => row.id) },
      {
        onSuccess: (result) => {
          notifyExported(result)
          selection.clear()
        },
        onError: (error) => notifyFailure(t('logs.export.action'), error),
      },
    )

  return (
    <BulkActionBar
      count={count}
      label={t('logs.bulk.label')}
      selected={t('logs.bulk.selected', { count })}
      clearLabel={t('logs.bulk.clear')}
      onClear={selection.clear}
    >
      {/* A plain button, not a BulkButton: exporting reads, so read-only mode allows it. */}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconFileExport size={14} />}
        onClick={handleExport}
        loading={exportLogs.isPending}
      >
        {t('logs.export.action')}
      </Button>
    </BulkActionBar>
  )
}
