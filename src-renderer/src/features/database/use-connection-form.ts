import { useCallback } from 'react'
import { useForm } from '@mantine/form'
import { databaseConnectionSchema } from '../../../../src-shared/schemas/database'
import { errorMessage, isAppError, issuesToErrors, schemaErrors } from '../../api/errors'
import { emptyConnection, toConnection, type ConnectionFormValues } from './connection-values'

/** A copy's request nests the connection under `to`; its fields are the form's own. */
function formField(field: string): string {
  return field.startsWith('to.') ? field.slice(3) : field
}

/** A connection form checked with the shared schema, as main checks the request. */
export function useConnectionForm() {
  const form = useForm<ConnectionFormValues>({
    initialValues: emptyConnection(),
    validate: (values) => schemaErrors(databaseConnectionSchema, toConnection(values)),
  })

  /**
   * Puts a refused request's errors under their inputs. False when the error belongs to no
   * input (the server could not be reached, the password was refused): shown by the caller.
   */
  const placeError = useCallback(
    (error: unknown): boolean => {
      if (!isAppError(error)) return false
      const issues = (error.issues ?? []).map((issue) => ({
        ...issue,
        field: formField(issue.field),
      }))
      const placed = issues.filter((issue) => issue.field in form.getValues())
      if (placed.length > 0) {
        form.setErrors(issuesToErrors(placed))
        return placed.length === issues.length
      }
      const field = error.field && formField(error.field)
      if (field && field in form.getValues()) {
        form.setFieldError(field, errorMessage(error))
        return true
      }
      return false
    },
    [form],
  )

  return { form, placeError }
}
