import { Button, Grid, Group, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { z } from 'zod'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { useReadOnly } from '../../hooks/use-read-only'
import { useBillingForm } from './use-billing-form'
import type { BillingSettings } from './billing-settings'
import { ServiceHelp } from './service-help'
import { ServicePriceFields, ServiceWhatFields, ServiceWhenFields } from './service-fields'
import type { ServiceFormValues } from './service-form-values'

interface ServiceFormProps {
  title: string
  initialValues: ServiceFormValues
  settings: BillingSettings
  /** The channel's schema, checked in the form as main checks it. */
  schema: z.ZodType
  toRequest: (values: ServiceFormValues) => unknown
  submitLabel: string
  saving: boolean
  /** Where Cancel goes; none on a service's own page. */
  cancelTo?: string
  onSubmit: (values: ServiceFormValues, onError: (error: unknown) => void) => void
}

/**
 * Every field of a service definition, with the billing help beside it: the cancellation
 * policy chosen in the form is the one the help's table marks.
 */
export function ServiceForm(props: ServiceFormProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const { form, submitErrors, handleSubmit } = useBillingForm(props)

  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form id={submitErrors.formId} onSubmit={handleSubmit} noValidate aria-label={props.title}>
          <Stack gap="lg">
            {submitErrors.conflict && (
              <ConflictAlert
                title={t('billing.services.conflict.title')}
                body={t('billing.services.conflict.body')}
              />
            )}
            <FormIssuesAlert issues={submitErrors.unplaced} />
            <ServiceWhatFields form={form} settings={props.settings} />
            <ServiceWhenFields form={form} settings={props.settings} />
            <ServicePriceFields form={form} settings={props.settings} />
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
      </Grid.Col>
      {/* The help scrolls on its own beside a long form, so the policies stay in view. */}
      <Grid.Col
        span={{ base: 12, lg: 5 }}
        pos="sticky"
        top={16}
        mah="calc(100vh - 96px)"
        style={{ overflowY: 'auto' }}
      >
        <ServiceHelp onCancel={form.values.onCancel} />
      </Grid.Col>
    </Grid>
  )
}
