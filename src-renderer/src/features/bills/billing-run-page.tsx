import { useState } from 'react'
import { Button, Group, Paper, Stepper } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isoDateSchema, type RunCommittedView } from '../../../../src-shared/schemas/bills'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { notifyFailure } from '../../lib/notify'
import { RunDoneStep } from './run-done'
import { RunOptionsStep, type RunOptions } from './run-options'
import { RunPreviewStep } from './run-preview'

const today = () => new Date().toLocaleDateString('en-CA')

/**
 * The billing run (spec 6.1) as a wizard: options, then a preview of what each account would
 * be billed, which writes nothing, then the run itself, and links to the bills it wrote.
 */
export function BillingRunPage() {
  const { t } = useTranslation()
  const [step, setStep] = useState(0)
  const [options, setOptions] = useState<RunOptions>({
    billingPoint: today(),
    fixedPoint: false,
    proforma: false,
    newOpen: false,
    includeIgnored: false,
  })
  const [run, setRun] = useState<RunCommittedView | null>(null)
  const preview = useChannelQuery('billingRuns:preview', options, { enabled: step === 1 })
  const commit = useChannelMutation('billingRuns:create')
  const dateOk = isoDateSchema.safeParse(options.billingPoint).success

  const handleConfirm = () =>
    commit.mutate(options, {
      onSuccess: (result) => {
        setRun(result)
        setStep(2)
      },
      onError: (error) => notifyFailure(t('bills.run.confirm'), error),
    })
  const nothing = preview.data?.accounts.length === 0

  return (
    <Page
      title={t('bills.run.title')}
      description={t('bills.run.description')}
      crumbs={[{ label: t('bills.title'), to: '/billing/bills' }]}
      ready={step !== 1 || (preview.isSuccess && !preview.isFetching)}
    >
      <Paper withBorder p="lg">
        <Stepper active={step} onStepClick={(next) => next < step && step < 2 && setStep(next)}>
          <Stepper.Step label={t('bills.run.stepOptions')}>
            <RunOptionsStep
              options={options}
              error={dateOk ? undefined : t('bills.run.badDate')}
              onChange={(patch) => setOptions((before) => ({ ...before, ...patch }))}
            />
          </Stepper.Step>
          <Stepper.Step label={t('bills.run.stepPreview')}>
            {preview.isError && (
              <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
            )}
            {preview.isPending && <TableSkeleton />}
            {preview.data && <RunPreviewStep preview={preview.data} />}
          </Stepper.Step>
          <Stepper.Step label={t('bills.run.stepDone')}>
            {run && <RunDoneStep run={run} />}
          </Stepper.Step>
        </Stepper>
        {step < 2 && (
          <Group justify="flex-end" mt="xl">
            {step === 1 && (
              <Button variant="default" onClick={() => setStep(0)}>
                {t('bills.run.back')}
              </Button>
            )}
            {step === 0 ? (
              <Button disabled={!dateOk} onClick={() => setStep(1)}>
                {t('bills.run.toPreview')}
              </Button>
            ) : (
              <Button
                disabled={!preview.data || nothing}
                loading={commit.isPending}
                onClick={handleConfirm}
              >
                {t('bills.run.confirm')}
              </Button>
            )}
          </Group>
        )}
      </Paper>
    </Page>
  )
}
