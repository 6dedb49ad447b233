import { z } from 'zod'
import type { FieldIssue } from '../../../../src-shared/errors'
import {
  sepaSourceDataSchema,
  transferSourceDataSchema,
  type PaymentMethod,
  type PaymentSourceView,
} from '../../../../src-shared/schemas/payments'

/** One flat set of inputs for both methods; each method sends only its own keys. */
export interface SourceFormValues {
  method: PaymentMethod
  name: string
  iban: string
  mandateId: string
  signedOn: string
  label: string
}

export const NEW_SOURCE: SourceFormValues = {
  method: 'SEPA_DIRECT_DEBIT',
  name: '',
  iban: '',
  mandateId: '',
  signedOn: '',
  label: '',
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** A stored source's data as the form's inputs. */
export function sourceValues(source: PaymentSourceView): SourceFormValues {
  const { data } = source
  return {
    method: source.method,
    name: text(data.name),
    iban: text(data.iban),
    mandateId: text(data.mandateId),
    signedOn: text(data.signedOn),
    label: text(data.label),
  }
}

/** The `data` a source of this method is saved with. */
export function sourceData(values: SourceFormValues) {
  if (values.method === 'BANK_TRANSFER') return { label: values.label }
  const { name, iban, mandateId, signedOn } = values
  return { name, iban, mandateId, signedOn }
}

/** What the form checks before sending: the method's own data rules, as main checks them. */
export function sourceDataSchema(method: PaymentMethod) {
  const data = method === 'BANK_TRANSFER' ? transferSourceDataSchema : sepaSourceDataSchema
  return z.object({ data })
}

/** The core names a data key as `data.iban`; the form's input for it is `iban`. */
export function toFormField(issue: FieldIssue): FieldIssue {
  return { ...issue, field: issue.field.replace(/^data\./, '') }
}

/** Dotted error paths of a request, moved onto the form's inputs. */
export function toFormErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field.replace(/^data\./, ''), message]),
  )
}
