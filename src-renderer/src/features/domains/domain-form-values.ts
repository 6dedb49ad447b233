import { randomId } from '@mantine/hooks'
import type {
  DomainCreateInput,
  DomainDetail,
  DomainUpdateInput,
  RecordType,
} from '../../../../src-shared/schemas/domains'

export interface RecordDraft {
  /** Keeps React's rows apart; stripped before the schema sees the record. */
  formKey: string
  type: RecordType
  value: string
  ttl: string
}

export interface RecordsValues {
  records: RecordDraft[]
}

export interface DomainCreateValues extends RecordsValues {
  accountId: string | null
  name: string
}

export interface SoaValues {
  refresh: string
  retry: string
  expire: string
  minTtl: string
}

export type DomainEditValues = RecordsValues & SoaValues

export const SOA_FIELDS = ['refresh', 'retry', 'expire', 'minTtl'] as const

export function emptyRecord(type: RecordType = 'A'): RecordDraft {
  return { formKey: randomId(), type, value: '', ttl: '' }
}

export function emptyDomain(accountId: string | null): DomainCreateValues {
  return { accountId, name: '', records: [emptyRecord()] }
}

/** The records as the core takes them: without the keys the form tracks its rows by. */
export const stripKeys = (records: RecordDraft[]) =>
  records.map(({ formKey: _key, ...record }) => record)

export function toCreateRequest(values: DomainCreateValues): DomainCreateInput {
  const accountId = values.accountId ? Number(values.accountId) : undefined
  return { name: values.name, accountId, records: stripKeys(values.records) }
}

export function detailToForm(detail: DomainDetail): DomainEditValues {
  const { domain, records } = detail
  return {
    records: records.map((record) => ({ ...record, formKey: randomId() })),
    refresh: domain.refresh,
    retry: domain.retry,
    expire: domain.expire,
    minTtl: domain.minTtl,
  }
}

export function toUpdateRequest(
  values: DomainEditValues,
  identity: { id: number; version: number },
): DomainUpdateInput {
  return { ...identity, ...values, records: stripKeys(values.records) }
}
