import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { z } from 'zod'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { requiredInput } from '../../components/required'
import { useReadOnly } from '../../hooks/use-read-only'
import { useBillingForm } from './use-billing-form'

export interface PlanFormValues {
  name: string
  verboseName: string
  isActive: boolean
  isDefault: boolean
  isCombinable: boolean
  allowMultiple: boolean
}

export const NEW_PLAN: PlanFormValues = {
  name: '',
  verboseName: '',
  isActive: true,
  isDefault: false,
  isCombinable: true,
  allowMultiple: false,
}

const FLAGS = ['isActive', 'isDefault', 'isCombinable', 'allowMultiple'] as const

interface PlanFormProps {
  title: string
  initialValues: PlanFormValues
  schema: z.ZodType
  toRequest: (values: PlanFormValues) => unknown
  submitLabel: string
  saving: boolean
  cancelTo?: string
  onSubmit: (values: PlanFormValues, onError: (error: unknown) => void) => void
}

/** A plan's name, its label and the four flags that say how its rates apply (spec billing 3). */
export function PlanForm(props: PlanFormProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const { form, submitErrors, handleSubmit } = useBillingForm(props)

  return (
    <form id={submitErrors.formId} onSubmit={handleSubmit} noValidate aria-label={props.title}>
      <Stack gap="lg" maw={720}>
        {submitErrors.conflict && (
          <ConflictAlert
            title={t('billing.plans.conflict.title')}
            body={t('billing.plans.conflict.body')}
          />
        )}
        <FormIssuesAlert issues={submitErrors.unplaced} />
        <FormSection title={props.title}>
          <TextInput
            label={t('billing.plans.fields.name')}
            description={t('billing.plans.hints.name')}
            autoComplete="off"
            spellCheck={false}
            {...requiredInput}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('billing.plans.fields.verboseName')}
            description={t('billing.plans.hints.verboseName')}
            autoComplete="off"
            {...form.getInputProps('verboseName')}
          />
          {FLAGS.map((flag) => (
            <Checkbox
              key={flag}
              label={t(`billing.plans.fields.${flag}`)}
              description={t(`billing.plans.hints.${flag}`)}
              {...form.getInputProps(flag, { type: 'checkbox' })}
            />
          ))}
        </FormSection>
        <Group justify="flex-end" gap="sm">
          {props.cancelTo && (
            <Button variant="default" component={Link} to={props.cancelTo}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={props.saving} disabled={readOnly}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
