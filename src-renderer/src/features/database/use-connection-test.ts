import { useState } from 'react'
import type { DatabaseCheck } from '../../../../src-shared/schemas/database'
import { toConnection, type ConnectionFormValues } from './connection-values'
import { useDatabaseAction } from './use-database-calls'
import type { useConnectionForm } from './use-connection-form'

type ConnectionFormApi = ReturnType<typeof useConnectionForm>

interface TestResult {
  /** The connection the result is about. */
  key: string
  check?: DatabaseCheck
  error?: unknown
}

function connectionKey(values: ConnectionFormValues): string {
  return JSON.stringify(toConnection(values, { remember: false }))
}

/**
 * **Test connection**: checks the form, then asks main who answers there. The result stays
 * until the form changes what it points at, so it never describes another database.
 */
export function useConnectionTest({ form, placeError }: ConnectionFormApi) {
  const check = useDatabaseAction('database:check')
  const [result, setResult] = useState<TestResult>({ key: '' })
  const key = connectionKey(form.values)

  const run = () => {
    if (form.validate().hasErrors) return
    const request = toConnection(form.getValues(), { remember: false })
    setResult({ key: '' })
    check.mutate(request, {
      onSuccess: (answer) => setResult({ key, check: answer }),
      onError: (error) => {
        if (!placeError(error)) setResult({ key, error })
      },
    })
  }

  const shown = result.key === key ? result : { key }
  // After a copy the answer (empty or not) is out of date.
  const clear = () => setResult({ key: '' })

  return { run, clear, pending: check.isPending, check: shown.check, error: shown.error }
}
