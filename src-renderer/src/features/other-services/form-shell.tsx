import { Stack } from '@mantine/core'
import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldIssue } from '../../../../src-shared/errors'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { Page, type Crumb } from '../../components/page'
import { useReadOnly } from '../../hooks/use-read-only'
import { FormActions } from '../orchestration/preview/form-actions'
import { PreviewModal } from '../orchestration/preview/preview-modal'
import type { PreviewResult } from '../orchestration/preview/use-preview'

interface FormShellProps {
  title: string
  description?: string
  /** The way back up: the list, then the object on an edit. */
  crumbs: Crumb[]
  submitErrors: { formId: string; unplaced: FieldIssue[]; conflict: boolean }
  /** Mantine's submit handler: also called without an event, from the preview. */
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void
  cancelTo: string
  submitLabel: string
  saving: boolean
  preview: { run: () => void; pending: boolean; result: PreviewResult | null; close: () => void }
  children: ReactNode
}

/** A page of one form that may change servers: its alerts, fields, Preview and Save. */
export function FormShell(props: FormShellProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const { submitErrors, preview } = props

  return (
    <Page title={props.title} description={props.description} crumbs={props.crumbs}>
      <form id={submitErrors.formId} onSubmit={props.onSubmit} noValidate aria-label={props.title}>
        <Stack gap="lg" maw={720}>
          {submitErrors.conflict && (
            <ConflictAlert
              title={t('otherServices.conflictTitle')}
              body={t('otherServices.conflictBody')}
            />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          {props.children}
          <FormActions
            cancelTo={props.cancelTo}
            submitLabel={props.submitLabel}
            saving={props.saving}
            previewing={preview.pending}
            onPreview={preview.run}
            disabled={readOnly}
          />
        </Stack>
      </form>
      <PreviewModal
        result={preview.result}
        onClose={preview.close}
        apply={{ label: props.submitLabel, onApply: () => props.onSubmit() }}
      />
    </Page>
  )
}
