import { useState } from 'react'
import { Button, Group, Paper, Stepper } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router-dom'
import {
  isoDateSchema,
  type BillingRunInput,
  type RunCommittedView,
} from '../../../../src-shared/schemas/bills'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { notifyFailure } from '../../lib/notify'
import { RunDoneStep } from './run-done'
import { RunOptionsStep, type RunOptions } from './run-options'
import { RunPreviewStep } from './run-preview'
import { RunRelatedStep } from './run-related'
import { RunScope } from './run-scope'
import { accountsOf, runStartOf, type AccountChoice, type SelectedOrder } from './run-start'

const today = () => new Date().toLocaleDateString('en-CA')

type StepId = 'options' | 'related' | 'preview' | 'done'

/** Related orders only exist for a selection of orders: a whole account bills them all. */
const stepsOf = (selection: boolean): StepId[] =>
  selection ? ['options', 'related', 'preview', 'done'] : ['options', 'preview', 'done']

/** The run's scope in the request: the selection with the related orders taken, or accounts. */
function scopeOf(orders: SelectedOrder[], related: number[], accounts: AccountChoice[]) {
  if (orders.length) return { orderIds: [...orders.map((order) => order.id), ...related] }
  return accounts.length ? { accountIds: accounts.map((account) => Number(account.value)) } : {}
}

function useRunWizard() {
  const start = runStartOf(useLocation().state)
  const [orders, setOrders] = useState<SelectedOrder[]>(start.orders ?? [])
  const [accounts, setAccounts] = useState<AccountChoice[]>(start.accounts ?? [])
  const [step, setStep] = useState<StepId>('options')
  const [taken, setTaken] = useState<ReadonlySet<number>>(new Set())
  const [options, setOptions] = useState<RunOptions>({
    billingPoint: today(),
    fixedPoint: false,
    proforma: false,
    newOpen: false,
    includeIgnored: false,
  })
  const selection: BillingRunInput = { ...options, ...scopeOf(orders, [], accounts) }
  const related = useChannelQuery('billingRuns:relatedOrders', selection, {
    enabled: orders.length > 0 && (step === 'related' || step === 'preview'),
  })
  // Only orders still offered under the current options are taken into the run.
  const offered = related.data?.orders ?? []
  const chosen = new Set(offered.filter((order) => taken.has(order.id)).map((order) => order.id))
  const request = { ...options, ...scopeOf(orders, [...chosen], accounts) }
  return {
    orders,
    setOrders,
    accounts,
    setAccounts,
    step,
    setStep,
    options,
    setOptions,
    related,
    offered,
    chosen,
    setTaken,
    request,
  }
}

/**
 * The billing run (spec 6.1) as a wizard: what to bill and the options, for a selection of
 * orders the related orders that could change its price (4.4), then a preview of what each
 * account would be billed, which writes nothing, then the run itself and its bills.
 */
export function BillingRunPage() {
  const { t } = useTranslation()
  const run = useRunWizard()
  const { step, setStep, related, request } = run
  const [written, setWritten] = useState<RunCommittedView | null>(null)
  const steps = stepsOf(run.orders.length > 0)
  const at = steps.indexOf(step)
  const preview = useChannelQuery('billingRuns:preview', request, {
    enabled: step === 'preview',
  })
  const commit = useChannelMutation('billingRuns:create')
  const dateOk = isoDateSchema.safeParse(run.options.billingPoint).success
  const shown = step === 'related' ? related : preview

  const handleConfirm = () =>
    commit.mutate(request, {
      onSuccess: (result) => {
        setWritten(result)
        setStep('done')
      },
      onError: (error) => notifyFailure(t('bills.run.confirm'), error),
    })
  const handleToggle = (id: number) =>
    run.setTaken((before) => {
      const next = new Set(before)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const handleToggleAll = (on: boolean) =>
    run.setTaken(new Set(on ? run.offered.map((order) => order.id) : []))

  return (
    <Page
      title={t('bills.run.title')}
      description={t('bills.run.description')}
      crumbs={[{ label: t('bills.title'), to: '/billing/bills' }]}
      ready={step === 'options' || step === 'done' || (shown.isSuccess && !shown.isFetching)}
    >
      <Paper withBorder p="lg">
        <Stepper
          active={at}
          onStepClick={(next) => next < at && step !== 'done' && setStep(steps[next]!)}
        >
          <Stepper.Step label={t('bills.run.stepOptions')}>
            <RunOptionsStep
              scope={
                <RunScope
                  orders={run.orders}
                  accounts={run.accounts}
                  onAccounts={run.setAccounts}
                  onClearOrders={() => {
                    run.setAccounts(accountsOf(run.orders))
                    run.setOrders([])
                  }}
                />
              }
              options={run.options}
              error={dateOk ? undefined : t('bills.run.badDate')}
              onChange={(patch) => run.setOptions((before) => ({ ...before, ...patch }))}
            />
          </Stepper.Step>
          {steps.includes('related') && (
            <Stepper.Step label={t('bills.run.stepRelated')}>
              {related.isError && (
                <QueryError error={related.error} onRetry={() => void related.refetch()} />
              )}
              {related.isPending && <TableSkeleton />}
              {related.data && (
                <RunRelatedStep
                  related={run.offered}
                  chosen={run.chosen}
                  onToggle={handleToggle}
                  onToggleAll={handleToggleAll}
                />
              )}
            </Stepper.Step>
          )}
          <Stepper.Step label={t('bills.run.stepPreview')}>
            {preview.isError && (
              <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
            )}
            {preview.isPending && <TableSkeleton />}
            {preview.data && <RunPreviewStep preview={preview.data} />}
          </Stepper.Step>
          <Stepper.Step label={t('bills.run.stepDone')}>
            {written && <RunDoneStep run={written} />}
          </Stepper.Step>
        </Stepper>
        {step !== 'done' && (
          <Group justify="flex-end" mt="xl">
            {at > 0 && (
              <Button variant="default" onClick={() => setStep(steps[at - 1]!)}>
                {t('bills.run.back')}
              </Button>
            )}
            {step === 'preview' ? (
              <Button
                disabled={!preview.data || preview.data.accounts.length === 0}
                loading={commit.isPending}
                onClick={handleConfirm}
              >
                {t('bills.run.confirm')}
              </Button>
            ) : (
              <Button
                disabled={!dateOk || (step === 'related' && !related.data)}
                onClick={() => setStep(steps[at + 1]!)}
              >
                {steps[at + 1] === 'related' ? t('bills.run.toRelated') : t('bills.run.toPreview')}
              </Button>
            )}
          </Group>
        )}
      </Paper>
    </Page>
  )
}
