import i18next from 'i18next'
import type { SqlDatabaseCreateInput, SqlType } from '../../../../src-shared/schemas/sql-databases'

export interface DatabaseCreateValues {
  accountId: string | null
  type: SqlType
  name: string
  mode: 'new' | 'existing'
  userId: string | null
  newUser: { username: string; password: string }
  passwordRepeat: string
}

export const emptyDatabase = (accountId: string | null): DatabaseCreateValues => ({
  accountId,
  type: 'mysql',
  name: '',
  mode: 'new',
  userId: null,
  newUser: { username: '', password: '' },
  passwordRepeat: '',
})

/** The request as the core takes it: the user of the mode chosen, and only that one. */
export function toDatabaseRequest(values: DatabaseCreateValues): SqlDatabaseCreateInput {
  const { name, type } = values
  const accountId = Number(values.accountId) || 0
  return values.mode === 'existing'
    ? { name, type, accountId, ...(values.userId && { userId: Number(values.userId) }) }
    : { name, type, accountId, newUser: values.newUser }
}

/** The one rule of the form alone: a password typed twice must be the same. */
export function passwordRepeatError(password: string, repeat: string) {
  return password === repeat
    ? {}
    : { passwordRepeat: i18next.t('sqlDatabaseForm.passwordMismatch') }
}
