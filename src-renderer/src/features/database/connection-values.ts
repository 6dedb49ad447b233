import type { DatabaseConnection, TlsMode } from '../../../../src-shared/schemas/database'
import type { DatabaseKind } from '../../../../src-shared/schemas/app'

/** What a connection form edits. The port holds a string while it is being typed. */
export interface ConnectionFormValues {
  kind: DatabaseKind
  file: string
  host: string
  port: number | string
  database: string
  user: string
  password: string
  tls: TlsMode
  caFile: string
  rememberPassword: boolean
}

export function emptyConnection(): ConnectionFormValues {
  return {
    kind: 'postgres',
    file: '',
    host: '',
    port: 5432,
    database: 'orchestra',
    user: 'orchestra',
    password: '',
    tls: 'verify-full',
    caFile: '',
    rememberPassword: true,
  }
}

/**
 * The request for a form's values. An empty password means "the one in the keychain"; the CA
 * file only counts for verify-full; an emptied port becomes NaN so the schema names the field.
 */
export function toConnection(
  values: ConnectionFormValues,
  { remember = true }: { remember?: boolean } = {},
): DatabaseConnection {
  if (values.kind === 'sqlite') return { kind: 'sqlite', file: values.file.trim() }
  const caFile = values.tls === 'verify-full' ? values.caFile.trim() : ''
  return {
    kind: 'postgres',
    host: values.host.trim(),
    port: values.port === '' ? Number.NaN : Number(values.port),
    database: values.database.trim(),
    user: values.user.trim(),
    ...(values.password !== '' && { password: values.password }),
    tls: values.tls,
    ...(caFile !== '' && { caFile }),
    ...(remember && { rememberPassword: values.rememberPassword }),
  }
}

/** How a form's target reads in a sentence, without its password. */
export function describeConnection(values: ConnectionFormValues): string {
  if (values.kind === 'sqlite') return values.file.trim() || 'orchestra.sqlite'
  const { user, host, port, database, tls } = values
  return `${user.trim()}@${host.trim()}:${port}/${database.trim()} (${tls})`
}
