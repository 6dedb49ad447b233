import { useCallback, useId, useState } from 'react'
import type { UseFormReturnType } from '@mantine/form'
import type { FieldIssue } from '../../../src-shared/errors'
import { isConflict, issuesToErrors, validationIssues } from '../api/errors'
import { focusFirstError, unplacedIssues } from '../lib/form-paths'
import { notifyFailure } from '../lib/notify'

/**
 * What a form does with a refused save: field errors go under their inputs (a username clash
 * comes back as `username`), the rest above the form; a conflict gets its own message; any
 * other failure becomes a notification.
 */
export function useSubmitErrors<Values extends object>(
  form: UseFormReturnType<Values>,
  action: string,
) {
  // Found by id rather than by ref: the form may render in a modal's portal.
  const formId = useId()
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([])
  const [conflict, setConflict] = useState(false)

  const handleError = useCallback(
    (error: unknown) => {
      const issues = validationIssues(error)
      if (issues.length > 0) {
        form.setErrors(issuesToErrors(issues))
        setUnplaced(unplacedIssues(issues, form.getValues()))
        focusFirstError(formId)
      } else if (isConflict(error)) {
        setConflict(true)
      } else {
        notifyFailure(action, error)
      }
    },
    [form, formId, action],
  )

  const clear = useCallback(() => {
    setUnplaced([])
    setConflict(false)
  }, [])

  const focusError = useCallback(() => focusFirstError(formId), [formId])

  return { formId, unplaced, conflict, handleError, clear, focusError }
}
