import { useForm } from '@mantine/form'
import type { z } from 'zod'
import { schemaErrors } from '../../api/errors'
import { useSubmitErrors } from '../../hooks/use-submit-errors'

export interface BillingFormOptions<Values> {
  initialValues: Values
  /** The channel's schema, checked in the form as main checks it. */
  schema: z.ZodType
  toRequest: (values: Values) => unknown
  submitLabel: string
  onSubmit: (values: Values, onError: (error: unknown) => void) => void
}

/** A billing form checked by its channel's schema, with the refused save's errors placed. */
export function useBillingForm<Values extends object>(options: BillingFormOptions<Values>) {
  const form = useForm<Values>({
    initialValues: options.initialValues,
    validate: (values) => schemaErrors(options.schema, options.toRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, options.submitLabel)
  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    options.onSubmit(values, submitErrors.handleError)
  }, submitErrors.focusError)
  return { form, submitErrors, handleSubmit }
}
