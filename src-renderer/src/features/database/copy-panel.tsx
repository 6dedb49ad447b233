import { useEffect, useState } from 'react'
import { Button, Group, Text } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CopyProgressEvent } from '../../../../src-shared/schemas/database'
import { useClient } from '../../api/client-context'
import { FormSection } from '../../components/form-section'
import { useReadOnly } from '../../hooks/use-read-only'
import { CheckResult, DatabaseErrorAlert } from './check-result'
import { ConnectionFields } from './connection-fields'
import { toConnection } from './connection-values'
import { CopyProgress } from './copy-progress'
import { CopyResultTable } from './copy-result-table'
import { useConnectionForm } from './use-connection-form'
import { useConnectionTest } from './use-connection-test'
import { useDatabaseAction } from './use-database-calls'

/** Progress pushed by main while a copy started here runs (and its last events after it). */
function useCopyProgress(listening: boolean) {
  const client = useClient()
  const [progress, setProgress] = useState<CopyProgressEvent>()

  useEffect(() => {
    if (!listening) return undefined
    return client.subscribe('database:copyProgress', setProgress)
  }, [client, listening])

  return { progress, reset: () => setProgress(undefined) }
}

interface CopyPanelProps {
  /** Puts the copy's target in the connect form, to switch to it next. */
  onUseTarget: (connection: ReturnType<typeof useConnectionForm>) => void
}

/** Copy this database into an empty one, checked row for row; this one stays open. */
export function CopyPanel({ onUseTarget }: CopyPanelProps) {
  const { t } = useTranslation()
  const connection = useConnectionForm()
  const { form, placeError } = connection
  const test = useConnectionTest(connection)
  const copy = useDatabaseAction('database:copy')
  const [failure, setFailure] = useState<unknown>()
  const [listening, setListening] = useState(false)
  const { progress, reset } = useCopyProgress(listening)
  const readOnly = useReadOnly()

  const handleCopy = () => {
    if (form.validate().hasErrors) return
    copy.reset()
    reset()
    setFailure(undefined)
    setListening(true)
    copy.mutate(
      { to: toConnection(form.getValues(), { remember: false }) },
      {
        onSuccess: test.clear,
        onError: (error) => !placeError(error) && setFailure(error),
      },
    )
  }

  return (
    <FormSection title={t('database.copy.title')} description={t('database.copy.description')}>
      <ConnectionFields form={form} />
      <CheckResult check={test.check} needsEmpty />
      <DatabaseErrorAlert title={t('database.check.failed')} error={test.error} />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {readOnly ? t('database.copy.readOnly') : undefined}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={test.run} loading={test.pending}>
            {t('database.check.button')}
          </Button>
          <Button
            leftSection={<IconCopy size={16} />}
            onClick={handleCopy}
            loading={copy.isPending}
            disabled={readOnly}
          >
            {t('database.copy.button')}
          </Button>
        </Group>
      </Group>
      {(copy.isPending || copy.data) && (
        <CopyProgress progress={progress} finishedRows={copy.data?.rows} />
      )}
      <DatabaseErrorAlert title={t('database.copy.failed')} error={failure} />
      {copy.data && (
        <>
          <CopyResultTable result={copy.data} />
          <Group>
            <Button variant="light" onClick={() => onUseTarget(connection)}>
              {t('database.copy.useTarget')}
            </Button>
          </Group>
        </>
      )}
    </FormSection>
  )
}
