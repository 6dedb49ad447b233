import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { ConnectPanel } from './connect-panel'
import { CopyPanel } from './copy-panel'
import { DatabaseStatusCard } from './database-status-card'
import { useConnectionForm } from './use-connection-form'
import { useDatabaseStatus } from './use-database-calls'

/** Administration > Database: which one is open, switching to another, copying into one. */
export function DatabasePage() {
  const { t } = useTranslation()
  const status = useDatabaseStatus()
  const connectForm = useConnectionForm()

  const handleUseTarget = ({ form }: ReturnType<typeof useConnectionForm>) => {
    connectForm.form.setValues({ ...form.getValues(), rememberPassword: true })
    document.getElementById('database-connect')?.scrollIntoView({ behavior: 'smooth' })
  }

  if (status.isError) {
    return <QueryError error={status.error} onRetry={() => void status.refetch()} />
  }
  if (!status.data) return <PageLoader />

  return (
    <Page
      title={t('database.title')}
      description={t('database.description')}
      ready={!status.isFetching}
    >
      <Stack gap="lg" maw={960}>
        <DatabaseStatusCard status={status.data} />
        <div id="database-connect">
          <ConnectPanel connection={connectForm} status={status.data} />
        </div>
        <CopyPanel onUseTarget={handleUseTarget} />
      </Stack>
    </Page>
  )
}
