import { useState } from 'react'
import { Button, EmptyState, Paper } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconFileImport, IconKey, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SshKey } from '../../../../../src-shared/schemas/orchestration'
import { useChannelQuery } from '../../../api/queries'
import { Page } from '../../../components/page'
import { QueryError } from '../../../components/query-error'
import { TableSkeleton } from '../../../components/table-skeleton'
import { DeleteKeyModal } from './delete-key-modal'
import { GenerateKeyModal } from './generate-key-modal'
import { ImportKeyModal } from './import-key-modal'
import { InstallKeyModal } from './install-key-modal'
import { KeysTable } from './keys-table'
import { useReadOnly } from '../../../hooks/use-read-only'

// The key stays set while a dialog closes, so its title does not change mid-animation.
interface KeyDialog {
  opened: boolean
  key?: SshKey
}

const CLOSED: KeyDialog = { opened: false }

function NoKeys({ onGenerate }: { onGenerate: () => void }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  return (
    <EmptyState
      py="xl"
      icon={<IconKey size={32} />}
      variant="light"
      title={t('keys.empty.title')}
      description={t('keys.empty.description')}
    >
      <EmptyState.Actions>
        <Button leftSection={<IconPlus size={16} />} onClick={onGenerate} disabled={readOnly}>
          {t('keys.generate')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}

/** Administration > SSH keys: the private halves live in the OS keychain, never here. */
export function KeysPage() {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const query = useChannelQuery('keys:list', {})
  const [generating, generate] = useDisclosure(false)
  const [importing, importDialog] = useDisclosure(false)
  const [installing, setInstalling] = useState<KeyDialog>(CLOSED)
  const [deleting, setDeleting] = useState<KeyDialog>(CLOSED)
  const keys = query.data ?? []

  return (
    <Page
      title={t('keys.title')}
      description={t('keys.description')}
      actions={
        <>
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={importDialog.open}
            disabled={readOnly}
          >
            {t('keys.import')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={generate.open} disabled={readOnly}>
            {t('keys.generate')}
          </Button>
        </>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <TableSkeleton rows={3} />}
      {query.isSuccess && keys.length === 0 && <NoKeys onGenerate={generate.open} />}
      {keys.length > 0 && (
        <Paper withBorder>
          <KeysTable
            keys={keys}
            onInstall={(key) => setInstalling({ opened: true, key })}
            onDelete={(key) => setDeleting({ opened: true, key })}
          />
        </Paper>
      )}
      <GenerateKeyModal opened={generating} onClose={generate.close} />
      <ImportKeyModal opened={importing} onClose={importDialog.close} />
      <InstallKeyModal
        opened={installing.opened}
        onClose={() => setInstalling({ ...installing, opened: false })}
        sshKey={installing.key}
      />
      <DeleteKeyModal
        opened={deleting.opened}
        onClose={() => setDeleting({ ...deleting, opened: false })}
        sshKey={deleting.key}
      />
    </Page>
  )
}
